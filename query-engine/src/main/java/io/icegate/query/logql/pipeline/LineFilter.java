package io.icegate.query.logql.pipeline;

/**
 * A stage that only keeps or drops an entry by its line, never touching labels. Leading line
 * filters of a pipeline can run inside the scan, before labels exist ({@link
 * Pipeline#leadingLineFilters()}).
 */
public interface LineFilter extends Stage {
  boolean test(String line);

  @Override
  default String process(long timestampNanos, String line, LabelsBuilder labels) {
    return test(line) ? line : null;
  }

  /** The filter that keeps the lines this one drops. */
  default LineFilter negate() {
    LineFilter self = this;
    return line -> !self.test(line);
  }

  /** Keeps a line that any of the filters keeps: LogQL's {@code |= "a" or "b"}. */
  static LineFilter anyOf(java.util.List<LineFilter> filters) {
    LineFilter[] array = filters.toArray(new LineFilter[0]);
    if (array.length == 1) {
      return array[0];
    }
    return line -> {
      for (LineFilter f : array) {
        if (f.test(line)) {
          return true;
        }
      }
      return false;
    };
  }
}

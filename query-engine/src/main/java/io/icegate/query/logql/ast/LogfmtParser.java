package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code | logfmt [--strict] [--keep-empty] [params]}: logfmt pairs become labels. {@code strict}
 * stops at the first malformed pair (setting {@code __error__}); {@code keepEmpty} keeps standalone
 * keys as empty labels.
 */
public record LogfmtParser(boolean strict, boolean keepEmpty, List<LabelExtraction> extractions)
    implements LabelParser {
  public LogfmtParser {
    extractions = List.copyOf(requireNonNull(extractions, "extractions is null"));
  }

  @Override
  public String toString() {
    return LogQLFormatter.stage(this);
  }
}

package io.icegate.query.promql.conformance;

import io.icegate.query.promql.conformance.EvalCommand.Expectation;
import io.icegate.query.promql.eval.InMemorySampleSource;
import io.icegate.query.promql.eval.PromqlEngine;
import io.icegate.query.promql.histogram.FloatHistogram;
import io.icegate.query.promql.parse.Literals;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a script in Prometheus' promqltest format ({@code promql/promqltest/test.go}): {@code load},
 * {@code load_with_nhcb}, {@code clear} and {@code eval} commands, each eval checked as promqltest
 * checks it (including the {@code @}-pinned and range-mode re-runs of instant evals).
 */
final class PromqlScript {
  private static final Pattern LOAD = Pattern.compile("^load(?:_(with_nhcb))?\\s+(.+?)$");
  private static final Pattern EVAL_INSTANT =
      Pattern.compile(
          "^eval(?:_(fail|warn|ordered|info))?\\s+instant\\s+(?:at\\s+(.+?))?\\s+(.+)$");
  private static final Pattern EVAL_RANGE =
      Pattern.compile(
          "^eval(?:_(fail|warn|info))?\\s+range\\s+from\\s+(.+)\\s+to\\s+(.+)\\s+step\\s+(.+?)\\s+(.+)$");
  private static final Pattern EXPECT =
      Pattern.compile(
          "^expect\\s+(ordered|fail|warn|no_warn|info|no_info)(?:\\s+(regex|msg):(.+))?$");
  private static final Pattern EXPECT_RANGE =
      Pattern.compile("^expect range vector\\s+from\\s+(.+)\\s+to\\s+(.+)\\s+step\\s+(.+)$");

  /** The outcome of one eval: null reason when it passed. */
  record Outcome(int line, String expr, String failure) {
    boolean passed() {
      return failure == null;
    }
  }

  private final InMemorySampleSource source = new InMemorySampleSource();
  private final PromqlEngine engine = new PromqlEngine(source);
  private final List<Outcome> outcomes = new ArrayList<>();
  private final List<String> loadProblems = new ArrayList<>();

  static List<Outcome> run(String text) {
    PromqlScript s = new PromqlScript();
    s.execute(text);
    return s.outcomes;
  }

  private void execute(String text) {
    String[] raw = text.split("\n", -1);
    String[] lines = new String[raw.length];
    for (int i = 0; i < raw.length; i++) {
      String l = raw[i].trim();
      lines[i] = l.startsWith("#") ? "" : l;
    }
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.isEmpty()) {
        continue;
      }
      String cmd = l.split("\\s+", 2)[0].toLowerCase();
      if (cmd.equals("clear")) {
        source.clear();
      } else if (cmd.startsWith("load")) {
        i = load(lines, i);
      } else if (cmd.startsWith("eval")) {
        i = eval(lines, i);
      } else {
        loadProblems.add("line " + (i + 1) + ": invalid command " + l);
      }
    }
  }

  private int load(String[] lines, int i) {
    Matcher m = LOAD.matcher(lines[i]);
    if (!m.matches()) {
      throw new IllegalArgumentException("line " + (i + 1) + ": invalid load command");
    }
    boolean nhcb = m.group(1) != null;
    long gap = Literals.parseDuration(m.group(2));
    List<SeriesLine> loaded = new ArrayList<>();
    while (i + 1 < lines.length && !lines[i + 1].isEmpty()) {
      i++;
      SeriesLine s;
      if (isStartTimeLine(lines[i])) {
        continue; // Start timestamps (@st lines) are not modelled.
      }
      try {
        s = SeriesLine.parse(lines[i]);
      } catch (RuntimeException e) {
        // promqltest would reject the whole file; here only this series is lost.
        loadProblems.add("line " + (i + 1) + ": " + e.getMessage());
        continue;
      }
      loaded.add(s);
      long t = 0;
      FloatHistogram prev = null;
      for (Object v : s.values()) {
        if (v instanceof SeriesLine.HistogramValue hv) {
          FloatHistogram h = hv.h().copy();
          // The TSDB re-derives counter reset hints on append; gauges stay gauges.
          if (h.hint != FloatHistogram.Hint.GAUGE && h.hint != FloatHistogram.Hint.COUNTER_RESET) {
            if (prev == null || prev.hint == FloatHistogram.Hint.GAUGE) {
              h.hint = FloatHistogram.Hint.UNKNOWN;
            } else {
              h.hint =
                  // A detected reset reads back as "unknown" (prometheus/prometheus#15346).
                  h.copyWithHint(FloatHistogram.Hint.UNKNOWN).detectReset(prev)
                      ? FloatHistogram.Hint.UNKNOWN
                      : FloatHistogram.Hint.NOT_COUNTER_RESET;
            }
          }
          source.add(s.labels(), t, h);
          prev = h;
        } else {
          double d = (Double) v;
          if (!SeriesLine.isOmitted(d)) {
            source.add(s.labels(), t, d);
            prev = null;
          }
        }
        t += gap;
      }
    }
    if (nhcb) {
      NhcbConverter.convert(loaded, gap)
          .forEach(
              (labels, points) -> {
                FloatHistogram prev = null;
                for (var p : points.entrySet()) {
                  FloatHistogram h = p.getValue();
                  h.hint =
                      prev == null
                          ? FloatHistogram.Hint.UNKNOWN
                          : h.detectReset(prev)
                              ? FloatHistogram.Hint.UNKNOWN
                              : FloatHistogram.Hint.NOT_COUNTER_RESET;
                  source.add(labels, p.getKey(), h);
                  prev = h;
                }
              });
    }
    return i;
  }

  private int eval(String[] lines, int i) {
    int lineNo = i + 1;
    Matcher inst = EVAL_INSTANT.matcher(lines[i]);
    Matcher rng = EVAL_RANGE.matcher(lines[i]);
    EvalCommand cmd;
    String mod;
    if (inst.matches()) {
      mod = inst.group(1);
      cmd = new EvalCommand(inst.group(3), lineNo, false);
      String at = inst.group(2);
      cmd.evalTime = at == null ? 0 : Literals.parseDuration(at);
      cmd.start = cmd.evalTime;
    } else if (rng.matches()) {
      mod = rng.group(1);
      cmd = new EvalCommand(rng.group(5), lineNo, true);
      cmd.start = Literals.parseDuration(rng.group(2));
      cmd.end = Literals.parseDuration(rng.group(3));
      cmd.step = Literals.parseDuration(rng.group(4));
    } else {
      outcomes.add(new Outcome(lineNo, lines[i], "invalid evaluation command"));
      return skipBlock(lines, i);
    }
    if (mod != null) {
      switch (mod) {
        case "ordered" -> cmd.ordered = true;
        case "fail" -> cmd.fail = true;
        case "warn" -> cmd.warn = true;
        case "info" -> cmd.info = true;
        default -> {}
      }
    }
    String problem = null;
    int j = 1;
    while (i + 1 < lines.length && !lines[i + 1].isEmpty()) {
      i++;
      String def = lines[i];
      try {
        if (cmd.fail && def.startsWith("expected_fail_message")) {
          cmd.expectedFailMessage = def.substring("expected_fail_message".length()).trim();
          break;
        }
        if (cmd.fail && def.startsWith("expected_fail_regexp")) {
          cmd.expectedFailRegexp =
              Pattern.compile(def.substring("expected_fail_regexp".length()).trim());
          break;
        }
        if (def.startsWith("expect range vector")) {
          Matcher em = EXPECT_RANGE.matcher(def);
          if (!em.matches()) {
            throw new IllegalArgumentException("invalid range vector definition");
          }
          cmd.start = Literals.parseDuration(em.group(1));
          cmd.end = Literals.parseDuration(em.group(2));
          cmd.step = Literals.parseDuration(em.group(3));
          cmd.evalTime = cmd.end;
          cmd.excludeFromRangeQuery = true;
          cmd.expectRangeVector = true;
          continue;
        }
        if (def.startsWith("expect string")) {
          String lit = def.substring("expect string".length()).trim();
          cmd.expectedString = Literals.unquote(lit);
          cmd.excludeFromRangeQuery = true;
          continue;
        }
        if (def.split(" ")[0].equals("expect")) {
          Matcher em = EXPECT.matcher(def);
          if (!em.matches()) {
            throw new IllegalArgumentException("invalid expect statement");
          }
          Expectation e;
          if (em.group(2) == null) {
            e = new Expectation(null, null);
          } else if (em.group(2).equals("msg")) {
            e = new Expectation(em.group(3).trim(), null);
          } else {
            e = new Expectation(null, Pattern.compile(em.group(3).trim()));
          }
          cmd.addExpect(em.group(1), e);
          continue;
        }
        Double num = parseNumber(def);
        if (num != null) {
          cmd.expectScalar = true;
          cmd.scalar = num;
          break;
        }
        SeriesLine s = SeriesLine.parse(def);
        cmd.expected.put(s.labels(), new EvalCommand.Expected(j, s.values()));
        j++;
      } catch (RuntimeException e) {
        problem = "cannot read line " + (i + 1) + ": " + e.getMessage();
      }
    }
    if (problem != null) {
      outcomes.add(new Outcome(lineNo, cmd.expr, problem));
    } else {
      String failure;
      try {
        failure = new EvalRunner(engine, cmd).run();
      } catch (RuntimeException | StackOverflowError e) {
        failure = "unexpected " + e;
      }
      outcomes.add(new Outcome(lineNo, cmd.expr, failure));
    }
    // A block ends at the first blank line (an expected_fail line ends it early).
    return skipBlock(lines, i);
  }

  private static int skipBlock(String[] lines, int i) {
    while (i + 1 < lines.length && !lines[i + 1].isEmpty()) {
      i++;
    }
    return i;
  }

  private static boolean isStartTimeLine(String line) {
    String[] parts = line.trim().split("\\s+", 2);
    return parts[0].endsWith("@st");
  }

  /** promqltest's {@code parseNumber}: Go's ParseInt(base 0), then ParseFloat. */
  static Double parseNumber(String s) {
    try {
      if (!s.matches(
              "[-+]?(0[xX][0-9a-fA-F_]+|[0-9_]*\\.?[0-9_]*([eE][-+]?[0-9]+)?|[iI][nN][fF]|[nN][aA][nN]|[iI]nfinity)")
          || s.matches("[-+]?")) {
        return null;
      }
      return Literals.parseNumber(s);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Labels labelsOf(String text) {
    return SeriesLine.parse(text + " 0").labels();
  }
}

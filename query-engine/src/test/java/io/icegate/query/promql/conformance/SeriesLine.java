package io.icegate.query.promql.conformance;

import io.icegate.query.promql.eval.StoredSeries;
import io.icegate.query.promql.histogram.FloatHistogram;
import io.icegate.query.promql.histogram.HistogramNotation;
import io.icegate.query.promql.parse.Literals;
import io.icegate.query.promql.parse.PromqlParser;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.List;

/**
 * One series description of a promqltest script: {@code metric{l="v"} 1+2x3 _ stale 5x2}. A value
 * is a double, {@link #OMITTED} for {@code _}, or the staleness NaN.
 */
record SeriesLine(Labels labels, List<Object> values) {
  /** An expected or loaded histogram value and whether its hint was written out. */
  record HistogramValue(FloatHistogram h, boolean hintSet) {}

  static final double OMITTED = Double.longBitsToDouble(0x7ff8beef00000001L);

  static boolean isOmitted(double v) {
    return Double.doubleToRawLongBits(v) == 0x7ff8beef00000001L;
  }

  static SeriesLine parse(String line) {
    String s = line.trim();
    int end = metricEnd(s);
    String metric = s.substring(0, end);
    Labels labels = PromqlParser.parseSeriesMetric(metric);
    String rest = s.substring(end).trim();
    List<Object> values = new ArrayList<>();
    for (String item : items(rest)) {
      if (item.startsWith("{{")) {
        parseHistogramItem(item, values);
      } else {
        List<Double> fs = new ArrayList<>();
        parseItem(item, fs);
        values.addAll(fs);
      }
    }
    return new SeriesLine(labels, values);
  }

  /** Splits on blanks outside {@code {{...}}}. */
  private static List<String> items(String rest) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      }
      if (Character.isWhitespace(c) && depth == 0) {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  private static void parseHistogramItem(String item, List<Object> out) {
    int end = item.indexOf("}}") + 2;
    HistogramNotation.Parsed base = HistogramNotation.parse(item.substring(0, end));
    String rest = item.substring(end);
    if (rest.isEmpty()) {
      out.add(new HistogramValue(base.h(), base.hintSet()));
      return;
    }
    if (rest.startsWith("x")) {
      long n = Long.parseLong(rest.substring(1));
      for (long i = 0; i <= n; i++) {
        out.add(new HistogramValue(base.h(), base.hintSet()));
      }
      return;
    }
    char sign = rest.charAt(0);
    int incEnd = rest.indexOf("}}") + 2;
    FloatHistogram inc = HistogramNotation.parse(rest.substring(1, incEnd)).h();
    long n = Long.parseLong(rest.substring(incEnd + 1));
    FloatHistogram cur = base.h();
    out.add(new HistogramValue(cur, base.hintSet()));
    for (long i = 1; i <= n; i++) {
      cur = sign == '+' ? cur.copy().add(inc) : cur.copy().sub(inc);
      out.add(new HistogramValue(cur, base.hintSet()));
    }
  }

  /** End of the metric part: the first blank outside braces and quotes. */
  private static int metricEnd(String s) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '"' || c == '\'' || c == '`') {
        quote = c;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      } else if (Character.isWhitespace(c) && depth == 0) {
        return i;
      }
    }
    return s.length();
  }

  private static void parseItem(String item, List<Double> out) {
    if (item.equals("_")) {
      out.add(OMITTED);
      return;
    }
    if (item.startsWith("_x")) {
      int n = Integer.parseInt(item.substring(2));
      for (int i = 0; i < n; i++) {
        out.add(OMITTED);
      }
      return;
    }
    int[] pos = {0};
    double base = number(item, pos);
    if (pos[0] == item.length()) {
      out.add(base);
      return;
    }
    double delta = 0;
    char c = item.charAt(pos[0]);
    if (c == '+' || c == '-') {
      delta = number(item, pos);
    }
    if (pos[0] >= item.length() || item.charAt(pos[0]) != 'x') {
      throw new IllegalArgumentException("bad series value: " + item);
    }
    long n = Long.parseLong(item.substring(pos[0] + 1));
    double v = base;
    for (long i = 0; i <= n; i++) {
      out.add(v);
      v += delta;
    }
  }

  private static double number(String s, int[] pos) {
    int start = pos[0];
    int i = start;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    String tail = s.substring(i).toLowerCase();
    if (tail.startsWith("stale")) {
      pos[0] = i + 5;
      return StoredSeries.STALE_NAN;
    }
    if (tail.startsWith("inf") || tail.startsWith("nan")) {
      pos[0] = i + 3;
      return Literals.parseNumber(s.substring(start, i + 3));
    }
    {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (Character.isDigit(c) || c == '.' || c == '_') {
          i++;
        } else if ((c == 'e' || c == 'E') && i + 1 < s.length()) {
          i++;
          if (s.charAt(i) == '+' || s.charAt(i) == '-') {
            i++;
          }
        } else {
          break;
        }
      }
    }
    pos[0] = i;
    return Literals.parseNumber(s.substring(start, i));
  }
}

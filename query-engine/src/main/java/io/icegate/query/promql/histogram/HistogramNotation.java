package io.icegate.query.promql.histogram;

import io.icegate.query.promql.parse.Literals;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code {{schema:0 sum:5 count:4 buckets:[1 2 1] ...}}} notation of Prometheus' test
 * scripts ({@code buildHistogramFromMap} in parse.go).
 */
public final class HistogramNotation {
  /** A parsed histogram and whether it named its counter reset hint explicitly. */
  public record Parsed(FloatHistogram h, boolean hintSet) {}

  private HistogramNotation() {}

  /** Parses the text between (and including) {@code {{} and {@code }}}. */
  public static Parsed parse(String text) {
    String body = text.trim();
    if (!body.startsWith("{{") || !body.endsWith("}}")) {
      throw new IllegalArgumentException("invalid histogram: " + text);
    }
    body = body.substring(2, body.length() - 2).trim();
    FloatHistogram h = new FloatHistogram();
    boolean hintSet = false;
    List<Double> buckets = List.of();
    List<Double> nBuckets = List.of();
    int offset = 0;
    int nOffset = 0;
    int i = 0;
    while (i < body.length()) {
      while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
        i++;
      }
      if (i >= body.length()) {
        break;
      }
      int colon = body.indexOf(':', i);
      String key = body.substring(i, colon).trim();
      i = colon + 1;
      while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
        i++;
      }
      String value;
      if (body.charAt(i) == '[') {
        int close = body.indexOf(']', i);
        value = body.substring(i, close + 1);
        i = close + 1;
      } else {
        int j = i;
        while (j < body.length() && !Character.isWhitespace(body.charAt(j))) {
          j++;
        }
        value = body.substring(i, j);
        i = j;
      }
      switch (key) {
        case "schema" -> h.schema = Integer.parseInt(value);
        case "sum" -> h.sum = Literals.parseNumber(value);
        case "count" -> h.count = Literals.parseNumber(value);
        case "z_bucket" -> h.zeroCount = Literals.parseNumber(value);
        case "z_bucket_w" -> h.zeroThreshold = Literals.parseNumber(value);
        case "custom_values" -> {
          List<Double> cv = list(value);
          h.customValues = cv.stream().mapToDouble(Double::doubleValue).toArray();
        }
        case "buckets" -> buckets = list(value);
        case "n_buckets" -> nBuckets = list(value);
        case "offset" -> offset = Integer.parseInt(value);
        case "n_offset" -> nOffset = Integer.parseInt(value);
        case "counter_reset_hint" -> {
          hintSet = true;
          h.hint =
              switch (value) {
                case "reset", "counter_reset" -> FloatHistogram.Hint.COUNTER_RESET;
                case "not_reset", "not_counter_reset" -> FloatHistogram.Hint.NOT_COUNTER_RESET;
                case "gauge" -> FloatHistogram.Hint.GAUGE;
                default -> FloatHistogram.Hint.UNKNOWN;
              };
        }
        default -> throw new IllegalArgumentException("unknown histogram key " + key);
      }
    }
    for (int k = 0; k < buckets.size(); k++) {
      h.positive.put(offset + k, buckets.get(k));
    }
    for (int k = 0; k < nBuckets.size(); k++) {
      h.negative.put(nOffset + k, nBuckets.get(k));
    }
    return new Parsed(h, hintSet);
  }

  private static List<Double> list(String value) {
    String inner = value.substring(1, value.length() - 1).trim();
    List<Double> out = new ArrayList<>();
    if (inner.isEmpty()) {
      return out;
    }
    for (String s : inner.split("[\\s,]+")) {
      if (!s.isEmpty()) {
        out.add(Literals.parseNumber(s));
      }
    }
    return out;
  }
}

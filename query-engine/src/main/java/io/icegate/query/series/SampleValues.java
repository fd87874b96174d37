package io.icegate.query.series;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as Prometheus and Loki write them in JSON: Go's {@code strconv.FormatFloat(v, 'f', -1,
 * 64)} — the shortest decimal that reads back as the same double, never in exponent form — and
 * {@code +Inf}, {@code -Inf}, {@code NaN}. Timestamps are seconds with up to three decimals.
 */
public final class SampleValues {
  private SampleValues() {}

  /** A sample value: {@code "2"}, {@code "0.016666666666666666"}, {@code "+Inf"}, {@code "NaN"}. */
  public static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0" : "0";
    }
    // Java 17's Double.toString is not always the shortest form (JDK-4511638), so find the fewest
    // significant digits that round-trip; the nearest decimal of that length is Go's choice.
    BigDecimal exact = new BigDecimal(value);
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == value) {
        return rounded.stripTrailingZeros().toPlainString();
      }
    }
    return exact.stripTrailingZeros().toPlainString();
  }

  /** A timestamp in milliseconds as Prometheus' {@code model.Time}: {@code 1700000000.5}. */
  public static String formatTimestamp(long timestampMs) {
    return BigDecimal.valueOf(timestampMs, 3).stripTrailingZeros().toPlainString();
  }
}

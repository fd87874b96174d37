package io.icegate.query.series;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected strings are what Go's strconv.FormatFloat(v, 'f', -1, 64) prints (checked in Go). */
class SampleValuesTest {
  @Test
  void formatsValuesAsGoShortestFixedNotation() {
    assertThat(SampleValues.format(2)).isEqualTo("2");
    assertThat(SampleValues.format(1.0 / 60)).isEqualTo("0.016666666666666666");
    assertThat(SampleValues.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(SampleValues.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(SampleValues.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(SampleValues.format(Double.NaN)).isEqualTo("NaN");
    assertThat(SampleValues.format(0)).isEqualTo("0");
    assertThat(SampleValues.format(-0.0)).isEqualTo("-0");
    assertThat(SampleValues.format(-1.5)).isEqualTo("-1.5");
    assertThat(SampleValues.format(1e21)).isEqualTo("1000000000000000000000");
    assertThat(SampleValues.format(1e-7)).isEqualTo("0.0000001");
    // Java 17's Double.toString gives 2.0E-3 style and, for this one, a non-shortest 9.999...E22.
    assertThat(SampleValues.format(1e23)).isEqualTo("100000000000000000000000");
    assertThat(SampleValues.format(123456.789)).isEqualTo("123456.789");
    assertThat(SampleValues.format(Double.MIN_VALUE)).startsWith("0.000").endsWith("5");
  }

  @Test
  void formatsTimestampsAsSecondsWithMilliseconds() {
    assertThat(SampleValues.formatTimestamp(4_000_000)).isEqualTo("4000");
    assertThat(SampleValues.formatTimestamp(1_700_000_000_123L)).isEqualTo("1700000000.123");
    assertThat(SampleValues.formatTimestamp(1_700_000_000_500L)).isEqualTo("1700000000.5");
    assertThat(SampleValues.formatTimestamp(0)).isEqualTo("0");
  }
}

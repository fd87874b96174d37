package io.icegate.query.logql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "5m, 300000000000",
    "1h30m, 5400000000000",
    "1d, 86400000000000",
    "2w, 1209600000000000",
    "1y, 31536000000000000",
    "1y2w3d4h5m6s7ms, 33019506007000000",
    "500ms, 500000000"
  })
  void prometheusDurations(String text, long nanos) {
    assertThat(Durations.parsePrometheus(text)).isEqualTo(Duration.ofNanos(nanos));
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest
  @CsvSource({
    "1.5h, 5400000000000",
    "300us, 300000",
    "300\u00b5s, 300000",
    "10ns, 10",
    "-2m, -120000000000",
    "+3s, 3000000000",
    "2h45m0.5s, 9900500000000",
    "1m1h, 3660000000000",
    "0.10ms, 100000"
  })
  void goDurationsAreTheFallback(String text, long nanos) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      textBlock =
          """
          5minutes => unknown unit "minutes" in duration "5minutes"
          30m:5m => unknown unit "m:" in duration "30m:5m"
          5 => missing unit in duration "5"
          5m1h => not a valid duration string: "5m1h"
          1.5h => unknown unit "." in duration "1.5h"
          """)
  void prometheusErrors(String text, String message) {
    assertThatThrownBy(() -> Durations.parsePrometheus(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void prometheusRejectsEmptyAndOverflow() {
    assertThatThrownBy(() -> Durations.parsePrometheus("")).hasMessage("empty duration string");
    assertThatThrownBy(() -> Durations.parsePrometheus("99999999999999y"))
        .hasMessage("duration out of range: \"99999999999999y\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      textBlock =
          """
          1x => time: unknown unit "x" in duration "1x"
          5 => time: missing unit in duration "5"
          h => time: invalid duration "h"
          1..5s => time: invalid duration "1..5s"
          """)
  void goErrors(String text, String message) {
    assertThatThrownBy(() -> Durations.parseGo(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0s",
    "90000000000, 1m30s",
    "86400000000000, 1d",
    "1500000000, 1s500ms",
    "1500, 1us500ns",
    "-300000000000, -5m",
    "3600000001000, 1h1us"
  })
  void formatReadsBack(long nanos, String text) {
    Duration d = Duration.ofNanos(nanos);
    assertThat(Durations.format(d)).isEqualTo(text);
    assertThat(Durations.parse(text)).isEqualTo(d);
  }
}

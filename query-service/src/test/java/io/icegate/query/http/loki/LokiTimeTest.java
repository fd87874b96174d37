package io.icegate.query.http.loki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.query.loki.LokiBadRequestException;
import org.junit.jupiter.api.Test;

/** Loki's parseTimestamp and parseSecondsOrDuration rules. */
class LokiTimeTest {
  @Test
  void parsesTimesAsLokiDoes() {
    assertThat(LokiTime.parseTime("t", "1764064800000000123")).isEqualTo(1764064800000000123L);
    assertThat(LokiTime.parseTime("t", "1764064800")).isEqualTo(1764064800_000000000L);
    assertThat(LokiTime.parseTime("t", "4000000000")).isEqualTo(4_000_000_000_000_000_000L);
    assertThat(LokiTime.parseTime("t", "1764064800.5")).isEqualTo(1764064800_500000000L);
    assertThat(LokiTime.parseTime("t", "1764064800.1234")).isEqualTo(1764064800_123000000L);
    assertThat(LokiTime.parseTime("t", "2026-11-25T10:00:00Z")).isEqualTo(1795600800_000000000L);
    assertThat(LokiTime.parseTime("t", "2026-11-25T10:00:00.000000123+00:00"))
        .isEqualTo(1795600800_000000123L);
  }

  @Test
  void refusesBadTimesNamingTheParameter() {
    assertThatThrownBy(() -> LokiTime.parseTime("start", "yesterday"))
        .isInstanceOf(LokiBadRequestException.class)
        .hasMessageStartingWith("invalid parameter 'start': cannot parse \"yesterday\"");
    assertThatThrownBy(() -> LokiTime.parseTime("end", "NaN.0"))
        .hasMessageStartingWith("invalid parameter 'end'");
    assertThatThrownBy(() -> LokiTime.parseTime("end", "99999999999999999999"))
        .hasMessageStartingWith("invalid parameter 'end'");
  }

  @Test
  void parsesDurations() {
    assertThat(LokiTime.parseDuration("step", "15")).isEqualTo(15_000_000_000L);
    assertThat(LokiTime.parseDuration("step", "0.5")).isEqualTo(500_000_000L);
    assertThat(LokiTime.parseDuration("step", "60000ms")).isEqualTo(60_000_000_000L);
    assertThat(LokiTime.parseDuration("since", "1h30m")).isEqualTo(5_400_000_000_000L);
    assertThat(LokiTime.parseDuration("since", "1d")).isEqualTo(86_400_000_000_000L);
    assertThatThrownBy(() -> LokiTime.parseDuration("step", "5 minutes"))
        .hasMessage("invalid parameter 'step': cannot parse \"5 minutes\" to a valid duration");
  }
}

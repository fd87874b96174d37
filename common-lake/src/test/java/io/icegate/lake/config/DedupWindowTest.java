package io.icegate.lake.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One key for the dedup window, read by every service; the two old keys still work. */
class DedupWindowTest {
  private static Duration window(Map<String, Object> properties) {
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      return context.getBean(DedupWindow.class).value();
    }
  }

  @Test
  void defaultsTo15Minutes() {
    assertThat(window(Map.of())).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void theWalKeySetsIt() {
    assertThat(window(Map.of("icegate.wal.dedup-window", "40m"))).isEqualTo(Duration.ofMinutes(40));
  }

  @Test
  void eachDeprecatedKeyStillSetsItWhenTheNewOneIsAbsent() {
    assertThat(window(Map.of("icegate.shift.dedup-window", "20m")))
        .isEqualTo(Duration.ofMinutes(20));
    assertThat(window(Map.of("icegate.maintain.dedup-window", "25m")))
        .isEqualTo(Duration.ofMinutes(25));
  }

  @Test
  void theNewKeyWinsOverTheDeprecatedOnes() {
    assertThat(
            window(
                Map.of(
                    "icegate.wal.dedup-window", "40m",
                    "icegate.shift.dedup-window", "20m",
                    "icegate.maintain.dedup-window", "25m")))
        .isEqualTo(Duration.ofMinutes(40));
  }

  @Test
  void aNegativeWindowNamesTheKey() {
    assertThatThrownBy(() -> window(Map.of("icegate.wal.dedup-window", "-1m")))
        .isInstanceOf(BeanInstantiationException.class)
        .rootCause()
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("icegate.wal.dedup-window: ");
  }
}

package io.icegate.query.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {
  @Test
  void sortsByNameAndDropsEmptyValues() {
    Labels labels = Labels.of("b", "2", "a", "1", "c", "");
    assertThat(labels.size()).isEqualTo(2);
    assertThat(labels.name(0)).isEqualTo("a");
    assertThat(labels.get("c")).isEmpty();
    assertThat(labels.has("c")).isFalse();
    assertThat(labels).hasToString("{a=\"1\", b=\"2\"}");
    assertThat(labels).isEqualTo(Labels.of(Map.of("a", "1", "b", "2")));
  }

  @Test
  void keepDropWithWithout() {
    Labels labels = Labels.of("a", "1", "b", "2", "c", "3");
    assertThat(labels.keep(List.of("a", "c", "x"))).isEqualTo(Labels.of("a", "1", "c", "3"));
    assertThat(labels.drop(List.of("a", "x"))).isEqualTo(Labels.of("b", "2", "c", "3"));
    assertThat(labels.with("bb", "9").asMap().keySet()).containsExactly("a", "b", "bb", "c");
    assertThat(labels.with("b", "")).isEqualTo(Labels.of("a", "1", "c", "3"));
    assertThat(labels.without("c").without("b").without("a")).isSameAs(Labels.EMPTY);
  }

  @Test
  void ordersAsPrometheusLabelsCompare() {
    assertThat(Labels.of("a", "1").compareTo(Labels.of("a", "1", "b", "1"))).isNegative();
    assertThat(Labels.of("a", "2").compareTo(Labels.of("a", "1", "b", "1"))).isPositive();
    assertThat(Labels.of("a", "1").compareTo(Labels.of("b", "0"))).isNegative();
    assertThat(Labels.EMPTY.compareTo(Labels.of("a", "1"))).isNegative();
  }

  @Test
  void rejectsOddNamesAndValues() {
    assertThatThrownBy(() -> Labels.of("a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid labels: odd number of names and values");
  }
}

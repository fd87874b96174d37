package io.icegate.query.logql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizesTest {
  @ParameterizedTest
  @CsvSource({
    "20B, 20",
    "300, 300",
    "42MB, 42000000",
    "1.5KiB, 1536",
    "20KB, 20000",
    "20kb, 20000",
    "1k, 1000",
    "1Ki, 1024",
    "1MiB, 1048576",
    "5 MiB, 5242880",
    "1G, 1000000000",
    "2TiB, 2199023255552",
    "1PB, 1000000000000000",
    "1.9B, 1",
    "'1,000kB', 1000000"
  })
  void humanizedSizes(String text, long bytes) {
    assertThat(ByteSizes.parse(text)).isEqualTo(bytes);
  }

  @Test
  void invalidSizes() {
    assertThatThrownBy(() -> ByteSizes.parse("1XB")).hasMessage("unhandled size name: xb");
    assertThatThrownBy(() -> ByteSizes.parse("KB")).hasMessage("invalid byte size: \"KB\"");
    assertThatThrownBy(() -> ByteSizes.parse("100EB")).hasMessage("too large: 100EB");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0B",
    "1, 1B",
    "1000, 1kB",
    "1024, 1KiB",
    "1536, 1536B",
    "3000000, 3MB",
    "5242880, 5MiB",
    "1024000, 1000KiB"
  })
  void formatReadsBack(long bytes, String text) {
    assertThat(ByteSizes.format(bytes)).isEqualTo(text);
    assertThat(ByteSizes.parse(text)).isEqualTo(bytes);
  }
}

package io.icegate.query.loki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte test of {@code |= "text"} answers exactly as {@code String.contains} does. */
class Utf8ContainsTest {
  private static final String ALPHABET = "ab é€😀\t";

  @Test
  void agreesWithStringContainsOnRandomUnicodeLines() {
    Random random = new Random(7);
    int matches = 0;
    for (int i = 0; i < 20_000; i++) {
      String line = random(random, random.nextInt(12));
      String text = random(random, random.nextInt(3));
      Utf8Contains filter = Utf8Contains.of(text);
      byte[] bytes = (line + "trailing garbage").getBytes(StandardCharsets.UTF_8);
      int length = line.getBytes(StandardCharsets.UTF_8).length;
      boolean expected = line.contains(text);
      assertThat(filter.test(bytes, length)).as("'%s' in '%s'", text, line).isEqualTo(expected);
      assertThat(filter.test(line)).isEqualTo(expected);
      matches += expected ? 1 : 0;
    }
    assertThat(matches).isBetween(2_000, 18_000);
  }

  @Test
  void edgesAndTheReplacementCharacter() {
    for (String line : List.of("error", "an error", "error at start", "", "errorerror")) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      assertThat(Utf8Contains.of("error").test(bytes, bytes.length))
          .isEqualTo(line.contains("error"));
    }
    byte[] err = "err".getBytes(StandardCharsets.UTF_8);
    assertThat(Utf8Contains.of("error").test(err, err.length)).isFalse();
    // U+FFFD may stand for undecodable bytes: only the string test is exact for it.
    assertThat(Utf8Contains.of("\uFFFD")).isNull();
  }

  private static String random(Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(
          ALPHABET.codePointAt(
              ALPHABET.offsetByCodePoints(
                  0, random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
    }
    return text.toString();
  }
}

package io.icegate.query.loki;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * A leading {@code |= "text"} that can be tested on a line's stored UTF-8 bytes, so lines it drops
 * are never decoded to strings. For valid UTF-8 a byte substring match is exactly a string {@code
 * contains} (UTF-8 is self-synchronizing); a needle holding U+FFFD, which can also stand for
 * undecodable bytes in a decoded line, is left to the string test.
 */
final class Utf8Contains implements Predicate<String> {
  private final String text;
  private final byte[] needle;

  private Utf8Contains(String text) {
    this.text = text;
    this.needle = text.getBytes(StandardCharsets.UTF_8);
  }

  /** A byte test for {@code text}, or null where only the string test is exact. */
  static Utf8Contains of(String text) {
    return text.indexOf('\uFFFD') >= 0 ? null : new Utf8Contains(text);
  }

  @Override
  public boolean test(String line) {
    return line.contains(text);
  }

  /** Whether {@code bytes[0, length)} contains the needle. */
  boolean test(byte[] bytes, int length) {
    int last = length - needle.length;
    if (needle.length == 0) {
      return true;
    }
    byte first = needle[0];
    for (int i = 0; i <= last; i++) {
      if (bytes[i] != first) {
        continue;
      }
      int j = 1;
      while (j < needle.length && bytes[i + j] == needle[j]) {
        j++;
      }
      if (j == needle.length) {
        return true;
      }
    }
    return false;
  }
}

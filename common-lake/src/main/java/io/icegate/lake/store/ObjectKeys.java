package io.icegate.lake.store;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * Rules every object key obeys, checked before any I/O: relative, '/'-separated, no empty, "." or
 * ".." segment, no control characters, at most 1024 UTF-8 bytes (the S3 limit). A list prefix may
 * be empty or end with '/'.
 */
public final class ObjectKeys {
  private static final int MAX_KEY_BYTES = 1024;

  /**
   * Listing order: unsigned UTF-8 bytes, as S3 lists. That is code point order, which differs from
   * {@link String#compareTo} (UTF-16 units) only when a surrogate meets a char of U+E000–U+FFFF;
   * comparing without encoding keeps listings and sorted maps allocation-free.
   */
  public static final Comparator<String> ORDER = ObjectKeys::compareCodePoints;

  private static int compareCodePoints(String a, String b) {
    int length = Math.min(a.length(), b.length());
    for (int i = 0; i < length; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        return fixUp(x) - fixUp(y);
      }
    }
    return a.length() - b.length();
  }

  /** Moves surrogates above U+E000–U+FFFF, as their code points are (ICU's code point fix-up). */
  private static int fixUp(char c) {
    if (c >= 0xD800 && c <= 0xDFFF) {
      return c + 0x2000;
    }
    return c >= 0xE000 ? c - 0x800 : c;
  }

  private ObjectKeys() {}

  /** Returns {@code key} if valid, else throws {@link IllegalArgumentException} saying why. */
  public static String checkKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("Invalid object key: empty");
    }
    if (key.endsWith("/")) {
      throw new IllegalArgumentException("Invalid object key '" + key + "': ends with '/'");
    }
    checkSegments(key);
    return key;
  }

  /** Returns {@code prefix} if valid as a listing prefix (may be empty or end with '/'). */
  public static String checkPrefix(String prefix) {
    if (prefix == null) {
      throw new IllegalArgumentException("Invalid object prefix: null");
    }
    if (prefix.isEmpty()) {
      return prefix;
    }
    String body = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    if (body.isEmpty()) {
      throw new IllegalArgumentException("Invalid object prefix '/': leading '/'");
    }
    checkSegments(body);
    return prefix;
  }

  private static void checkSegments(String key) {
    if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw new IllegalArgumentException(
          "Invalid object key '" + key.substring(0, 64) + "...': longer than 1024 bytes");
    }
    if (key.startsWith("/")) {
      throw new IllegalArgumentException("Invalid object key '" + key + "': leading '/'");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        throw new IllegalArgumentException(
            "Invalid object key '" + key + "': control character or backslash at " + i);
      }
    }
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("Invalid object key '" + key + "': empty segment");
      }
      if (segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "Invalid object key '" + key + "': '" + segment + "' segment");
      }
    }
  }
}

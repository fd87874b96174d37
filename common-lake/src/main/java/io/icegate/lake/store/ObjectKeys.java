package io.icegate.lake.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Rules every object key obeys, checked before any I/O: relative, '/'-separated, no empty, "." or
 * ".." segment, no control characters, at most 1024 UTF-8 bytes (the S3 limit). A list prefix may
 * be empty or end with '/'.
 */
public final class ObjectKeys {
  private static final int MAX_KEY_BYTES = 1024;

  /** Listing order: unsigned UTF-8 bytes, as S3 lists (differs from String order above U+D7FF). */
  public static final Comparator<String> ORDER =
      (a, b) ->
          a.equals(b)
              ? 0
              : Arrays.compareUnsigned(
                  a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

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

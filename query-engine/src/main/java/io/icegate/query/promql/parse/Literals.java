package io.icegate.query.promql.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decoding of PromQL literals: Go-quoted strings, numbers and Prometheus durations. */
public final class Literals {
  private static final Pattern DURATION =
      Pattern.compile(
          "^(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?$");
  private static final long[] UNIT_MS = {
    365L * 24 * 3600_000, 7L * 24 * 3600_000, 24L * 3600_000, 3600_000, 60_000, 1000, 1
  };

  private Literals() {}

  /**
   * Milliseconds of a Prometheus duration ({@code model.ParseDuration}): units y w d h m s ms, in
   * that order, each at most once.
   */
  public static long parseDuration(String s) {
    if (s.equals("0")) {
      return 0;
    }
    Matcher m = DURATION.matcher(s);
    if (s.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException("not a valid duration string: \"" + s + "\"");
    }
    long total = 0;
    for (int i = 0; i < UNIT_MS.length; i++) {
      String g = m.group(i + 1);
      if (g != null) {
        total = Math.addExact(total, Math.multiplyExact(Long.parseLong(g), UNIT_MS[i]));
      }
    }
    return total;
  }

  /** A number literal as Go's ParseFloat / ParseInt(base 0) read it, Inf and NaN included. */
  public static double parseNumber(String s) {
    String t = s.replace("_", "");
    String lower = t.toLowerCase();
    switch (lower) {
      case "inf", "+inf" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case "nan" -> {
        return Double.NaN;
      }
      default -> {}
    }
    boolean neg = lower.startsWith("-");
    String body = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
    if (body.startsWith("0x")) {
      double v = new java.math.BigInteger(body.substring(2), 16).doubleValue();
      return neg ? -v : v;
    }
    if (body.length() > 1
        && body.startsWith("0")
        && body.chars().allMatch(c -> c >= '0' && c <= '7')) {
      double v = new java.math.BigInteger(body.substring(1), 8).doubleValue();
      return neg ? -v : v;
    }
    if (body.isEmpty() || !(Character.isDigit(body.charAt(0)) || body.charAt(0) == '.')) {
      throw new NumberFormatException("invalid number: " + s);
    }
    return Double.parseDouble(t);
  }

  /** Decodes a quoted string token as Go's strconv.Unquote does. */
  public static String unquote(String token) {
    char q = token.charAt(0);
    String body = token.substring(1, token.length() - 1);
    if (q == '`') {
      return body;
    }
    StringBuilder sb = new StringBuilder();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        flush(bytes, sb);
        sb.append(c);
        continue;
      }
      if (i + 1 >= body.length()) {
        throw new IllegalArgumentException("invalid syntax");
      }
      char e = body.charAt(++i);
      switch (e) {
        case 'a' -> sb.append('\u0007');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'v' -> sb.append('\u000b');
        case '\\' -> sb.append('\\');
        case '\'', '"' -> {
          if (e != q) {
            throw new IllegalArgumentException("invalid syntax");
          }
          sb.append(e);
        }
        case 'x' -> {
          bytes.write(Integer.parseInt(body.substring(i + 1, i + 3), 16));
          i += 2;
          continue;
        }
        case 'u' -> {
          sb.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'U' -> {
          sb.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 9), 16));
          i += 8;
        }
        default -> {
          if (e >= '0' && e <= '7') {
            bytes.write(Integer.parseInt(body.substring(i, i + 3), 8));
            i += 2;
            continue;
          }
          throw new IllegalArgumentException("invalid syntax");
        }
      }
      flush(bytes, sb);
    }
    flush(bytes, sb);
    return sb.toString();
  }

  /** Bytes from \x and octal escapes, decoded as UTF-8; invalid sequences stay as U+FFFD. */
  private static void flush(java.io.ByteArrayOutputStream bytes, StringBuilder sb) {
    if (bytes.size() > 0) {
      byte[] b = bytes.toByteArray();
      if (isValidUtf8(b)) {
        sb.append(new String(b, java.nio.charset.StandardCharsets.UTF_8));
      } else {
        // Keep invalid bytes distinguishable: Prometheus rejects them as label names/values.
        for (byte x : b) {
          sb.append((char) (0xDC00 | (x & 0xFF)));
        }
      }
      bytes.reset();
    }
  }

  private static boolean isValidUtf8(byte[] b) {
    try {
      java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /** Whether a string holds only valid UTF-8 (no byte left undecoded by {@link #unquote}). */
  public static boolean isValidUtf8(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xDC00 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
        return false;
      }
    }
    return true;
  }
}

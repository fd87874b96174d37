package io.icegate.query.logql.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * Byte sizes as LogQL reads them (go-humanize's {@code ParseBytes}): a decimal number and an
 * optional case-insensitive unit, SI ({@code kB MB GB TB PB EB}, also {@code k M G T P E}) or IEC
 * ({@code KiB MiB ...}, also {@code Ki Mi ...}); {@code B} or nothing is bytes. Fractions are
 * truncated toward zero.
 */
public final class ByteSizes {
  private static final long KI = 1024;
  private static final Map<String, Long> UNITS =
      Map.ofEntries(
          Map.entry("", 1L),
          Map.entry("b", 1L),
          Map.entry("kb", 1000L),
          Map.entry("k", 1000L),
          Map.entry("mb", 1000_000L),
          Map.entry("m", 1000_000L),
          Map.entry("gb", 1000_000_000L),
          Map.entry("g", 1000_000_000L),
          Map.entry("tb", 1000_000_000_000L),
          Map.entry("t", 1000_000_000_000L),
          Map.entry("pb", 1000_000_000_000_000L),
          Map.entry("p", 1000_000_000_000_000L),
          Map.entry("eb", 1000_000_000_000_000_000L),
          Map.entry("e", 1000_000_000_000_000_000L),
          Map.entry("kib", KI),
          Map.entry("ki", KI),
          Map.entry("mib", KI * KI),
          Map.entry("mi", KI * KI),
          Map.entry("gib", KI * KI * KI),
          Map.entry("gi", KI * KI * KI),
          Map.entry("tib", KI * KI * KI * KI),
          Map.entry("ti", KI * KI * KI * KI),
          Map.entry("pib", KI * KI * KI * KI * KI),
          Map.entry("pi", KI * KI * KI * KI * KI),
          Map.entry("eib", KI * KI * KI * KI * KI * KI),
          Map.entry("ei", KI * KI * KI * KI * KI * KI));

  private static final String[] IEC = {"KiB", "MiB", "GiB", "TiB", "PiB"};
  private static final String[] SI = {"kB", "MB", "GB", "TB", "PB"};

  private ByteSizes() {}

  /** Parses {@code 20KB}, {@code 1.5 MiB}, {@code 300}; throws {@link IllegalArgumentException}. */
  public static long parse(String text) {
    int end = 0;
    while (end < text.length()
        && (Character.isDigit(text.charAt(end))
            || text.charAt(end) == '.'
            || text.charAt(end) == ',')) {
      end++;
    }
    String number = text.substring(0, end).replace(",", "");
    String unit = text.substring(end).trim().toLowerCase(Locale.ROOT);
    BigDecimal value;
    try {
      value = new BigDecimal(number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid byte size: \"" + text + "\"", e);
    }
    Long multiplier = UNITS.get(unit);
    if (multiplier == null) {
      throw new IllegalArgumentException("unhandled size name: " + unit);
    }
    BigInteger bytes = value.multiply(BigDecimal.valueOf(multiplier)).toBigInteger();
    if (bytes.bitLength() > 63) {
      throw new IllegalArgumentException("too large: " + text);
    }
    return bytes.longValueExact();
  }

  /** Formats a byte count exactly: the largest IEC or SI unit that divides it, else bytes. */
  public static String format(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("Invalid bytes: " + bytes);
    }
    for (int i = IEC.length - 1; i >= 0; i--) {
      long iec = pow(KI, i + 1);
      long si = pow(1000, i + 1);
      if (bytes != 0 && bytes % iec == 0) {
        return bytes / iec + IEC[i];
      }
      if (bytes != 0 && bytes % si == 0) {
        return bytes / si + SI[i];
      }
    }
    return bytes + "B";
  }

  private static long pow(long base, int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result *= base;
    }
    return result;
  }
}

package io.icegate.query.logql.pipeline;

import java.util.Arrays;

/**
 * LogQL's {@code ip("…")} argument: one address, a CIDR block or an inclusive range {@code a-b},
 * IPv4 or IPv6. Addresses of the other family never match (as Go's {@code netip}). Parsing is done
 * here, never through {@link java.net.InetAddress}, which may resolve host names.
 */
public final class IpMatcher {
  private final String expression;
  private final byte[] low;
  private final byte[] high;

  private IpMatcher(String expression, byte[] low, byte[] high) {
    this.expression = expression;
    this.low = low;
    this.high = high;
  }

  public static IpMatcher parse(String expression) {
    String e = expression.trim();
    int dash = e.indexOf('-');
    if (dash >= 0) {
      byte[] a = address(e.substring(0, dash).trim(), expression);
      byte[] b = address(e.substring(dash + 1).trim(), expression);
      if (a.length != b.length || compare(a, b) > 0) {
        throw invalid(expression);
      }
      return new IpMatcher(expression, a, b);
    }
    int slash = e.indexOf('/');
    if (slash >= 0) {
      byte[] a = address(e.substring(0, slash), expression);
      int bits;
      try {
        bits = Integer.parseInt(e.substring(slash + 1));
      } catch (NumberFormatException ex) {
        throw invalid(expression);
      }
      if (bits < 0 || bits > a.length * 8) {
        throw invalid(expression);
      }
      byte[] lo = a.clone();
      byte[] hi = a.clone();
      for (int bit = bits; bit < a.length * 8; bit++) {
        int mask = 1 << (7 - bit % 8);
        lo[bit / 8] &= (byte) ~mask;
        hi[bit / 8] |= (byte) mask;
      }
      return new IpMatcher(expression, lo, hi);
    }
    byte[] a = address(e, expression);
    return new IpMatcher(expression, a, a);
  }

  private static IllegalArgumentException invalid(String expression) {
    return new IllegalArgumentException("invalid ip expression: " + expression);
  }

  private static byte[] address(String s, String expression) {
    byte[] a = parseAddress(s);
    if (a == null) {
      throw invalid(expression);
    }
    return a;
  }

  /** Whether the text is an address inside this matcher's range. */
  public boolean matches(String text) {
    byte[] a = parseAddress(text);
    return a != null && contains(a);
  }

  boolean contains(byte[] a) {
    return a.length == low.length && compare(a, low) >= 0 && compare(a, high) <= 0;
  }

  /**
   * Whether any address-looking token of a line lies in the range: maximal runs of hex digits, dots
   * and colons are tried as addresses.
   */
  public boolean matchesAnyIn(String line) {
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && !ipChar(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && ipChar(line.charAt(i))) {
        i++;
      }
      if (i > start && contains(line, start, i)) {
        return true;
      }
    }
    return false;
  }

  private boolean contains(String line, int start, int end) {
    // Trailing dots or colons belong to the sentence, not the address ("from 10.0.0.1.").
    while (end > start && (line.charAt(end - 1) == '.' || line.charAt(end - 1) == ':')) {
      byte[] a = parseAddress(line.substring(start, end));
      if (a != null && contains(a)) {
        return true;
      }
      end--;
    }
    byte[] a = parseAddress(line.substring(start, end));
    return a != null && contains(a);
  }

  private static boolean ipChar(char c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'f')
        || (c >= 'A' && c <= 'F')
        || c == '.'
        || c == ':';
  }

  static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  /** 4 bytes for IPv4, 16 for IPv6, null when not an address. */
  static byte[] parseAddress(String s) {
    if (s.indexOf(':') >= 0) {
      return parseV6(s);
    }
    return parseV4(s);
  }

  private static byte[] parseV4(String s) {
    byte[] out = new byte[4];
    int part = 0;
    int value = -1;
    int digits = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : '.';
      if (c == '.') {
        if (digits == 0 || part > 3) {
          return null;
        }
        out[part++] = (byte) value;
        value = -1;
        digits = 0;
      } else if (c >= '0' && c <= '9') {
        // Go rejects leading zeros ("010"), which some readers take as octal.
        if (digits == 1 && value == 0) {
          return null;
        }
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (value > 255) {
          return null;
        }
        digits++;
      } else {
        return null;
      }
    }
    return part == 4 ? out : null;
  }

  private static byte[] parseV6(String s) {
    byte[] out = new byte[16];
    int ellipsis = -1;
    int pos = 0;
    int i = 0;
    if (s.startsWith("::")) {
      ellipsis = 0;
      i = 2;
      if (i == s.length()) {
        return out;
      }
    }
    while (i < s.length()) {
      int start = i;
      int value = 0;
      while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0 && i - start < 4) {
        value = value * 16 + Character.digit(s.charAt(i), 16);
        i++;
      }
      if (i == start) {
        return null;
      }
      if (i < s.length() && s.charAt(i) == '.') {
        // Embedded IPv4 in the last 32 bits.
        if (pos > 12) {
          return null;
        }
        byte[] v4 = parseV4(s.substring(start));
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, out, pos, 4);
        pos += 4;
        i = s.length();
        break;
      }
      if (pos >= 16) {
        return null;
      }
      out[pos++] = (byte) (value >> 8);
      out[pos++] = (byte) value;
      if (i == s.length()) {
        break;
      }
      if (s.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < s.length() && s.charAt(i) == ':') {
        if (ellipsis >= 0) {
          return null;
        }
        ellipsis = pos;
        i++;
        if (i == s.length()) {
          break;
        }
      } else if (i == s.length()) {
        return null;
      }
    }
    if (pos < 16) {
      if (ellipsis < 0) {
        return null;
      }
      int tail = pos - ellipsis;
      System.arraycopy(out, ellipsis, out, 16 - tail, tail);
      Arrays.fill(out, ellipsis, 16 - tail, (byte) 0);
    } else if (ellipsis >= 0 && pos == 16 && ellipsis == pos) {
      return null;
    }
    return out;
  }

  @Override
  public String toString() {
    return "ip(\"" + expression + "\")";
  }
}

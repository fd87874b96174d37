package io.icegate.query.logql.template;

import java.math.BigInteger;

/** Go constants in templates: interpreted strings, character constants and numbers. */
final class GoLiterals {
  private GoLiterals() {}

  static String unquote(String quoted, Parser parser, int pos) {
    String body = quoted.substring(1, quoted.length() - 1);
    StringBuilder sb = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (++i >= body.length()) {
        throw parser.error(pos, "invalid syntax");
      }
      char e = body.charAt(i);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'a' -> sb.append('\u0007');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'v' -> sb.append('\u000b');
        case '\\', '"' -> sb.append(e);
        case 'x', 'u', 'U' -> {
          int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + len >= body.length()) {
            throw parser.error(pos, "invalid syntax");
          }
          int cp = Integer.parseInt(body.substring(i + 1, i + 1 + len), 16);
          sb.appendCodePoint(cp);
          i += len;
        }
        default -> {
          if (e >= '0' && e <= '7' && i + 2 < body.length()) {
            sb.append((char) Integer.parseInt(body.substring(i, i + 3), 8));
            i += 2;
          } else {
            throw parser.error(pos, "invalid syntax");
          }
        }
      }
    }
    return sb.toString();
  }

  static Long charValue(String quoted, Parser parser, int pos) {
    String s = unquote("\"" + quoted.substring(1, quoted.length() - 1) + "\"", parser, pos);
    if (s.codePointCount(0, s.length()) != 1) {
      throw parser.error(pos, "malformed character constant: " + quoted);
    }
    return (long) s.codePointAt(0);
  }

  /** An integer constant as Long, anything with a fraction or exponent as Double. */
  static Object number(String text, Parser parser, int pos) {
    String t = text.replace("_", "");
    boolean negative = t.startsWith("-");
    String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
    try {
      String lower = digits.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("0x") && !lower.contains("p")) {
        return signed(new BigInteger(digits.substring(2), 16), negative);
      }
      if (lower.startsWith("0b")) {
        return signed(new BigInteger(digits.substring(2), 2), negative);
      }
      if (lower.startsWith("0o")) {
        return signed(new BigInteger(digits.substring(2), 8), negative);
      }
      if (lower.startsWith("0x")) {
        double d = Double.parseDouble(digits);
        return negative ? -d : d;
      }
      if (lower.contains(".") || lower.contains("e")) {
        double d = Double.parseDouble(digits);
        return negative ? -d : d;
      }
      if (digits.length() > 1 && digits.startsWith("0")) {
        return signed(new BigInteger(digits.substring(1), 8), negative);
      }
      return signed(new BigInteger(digits), negative);
    } catch (NumberFormatException e) {
      throw parser.error(pos, "bad number syntax: \"" + text + "\"");
    }
  }

  private static Object signed(BigInteger value, boolean negative) {
    BigInteger v = negative ? value.negate() : value;
    if (v.bitLength() > 63) {
      return v.doubleValue();
    }
    return v.longValue();
  }
}

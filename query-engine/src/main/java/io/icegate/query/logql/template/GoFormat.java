package io.icegate.query.logql.template;

import io.icegate.query.logql.pipeline.GoNumbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Go's {@code fmt.Sprintf} for the verbs templates use: {@code %v %s %q %d %f %e %g %x %X %o %b %c
 * %t %%}, flags {@code - + 0 space}, width and precision. Mismatched arguments print as Go does
 * ({@code %!d(string=a)}, {@code %!s(MISSING)}, {@code %!(EXTRA …)}).
 */
final class GoFormat {
  private GoFormat() {}

  static String sprintf(String format, Object[] args) {
    StringBuilder out = new StringBuilder();
    int argi = 0;
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      i++;
      if (i >= format.length()) {
        out.append("%!(NOVERB)");
        break;
      }
      boolean minus = false;
      boolean plus = false;
      boolean zero = false;
      boolean space = false;
      boolean sharp = false;
      for (; i < format.length(); i++) {
        char f = format.charAt(i);
        if (f == '-') {
          minus = true;
        } else if (f == '+') {
          plus = true;
        } else if (f == '0') {
          zero = true;
        } else if (f == ' ') {
          space = true;
        } else if (f == '#') {
          sharp = true;
        } else {
          break;
        }
      }
      int width = -1;
      int start = i;
      while (i < format.length() && Character.isDigit(format.charAt(i))) {
        i++;
      }
      if (i > start) {
        width = Integer.parseInt(format.substring(start, i));
      }
      int precision = -1;
      if (i < format.length() && format.charAt(i) == '.') {
        i++;
        start = i;
        while (i < format.length() && Character.isDigit(format.charAt(i))) {
          i++;
        }
        precision = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
      }
      if (i >= format.length()) {
        out.append("%!(NOVERB)");
        break;
      }
      char verb = format.charAt(i++);
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (argi >= args.length) {
        out.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      Object arg = args[argi++];
      String body = formatOne(verb, arg, precision, plus, space, sharp);
      boolean numeric = arg instanceof Long || arg instanceof Double;
      out.append(pad(body, width, minus, zero && numeric && !minus));
    }
    if (argi < args.length) {
      out.append("%!(EXTRA ");
      for (int k = argi; k < args.length; k++) {
        if (k > argi) {
          out.append(", ");
        }
        out.append(GoValues.typeName(args[k])).append('=').append(GoValues.print(args[k]));
      }
      out.append(')');
    }
    return out.toString();
  }

  private static String formatOne(
      char verb, Object arg, int precision, boolean plus, boolean space, boolean sharp) {
    switch (verb) {
      case 'v' -> {
        if (arg instanceof Double d && precision >= 0) {
          return formatOne('g', d, precision, plus, space, sharp);
        }
        return sign(arg == null ? "<nil>" : GoValues.print(arg), arg, plus, space);
      }
      case 's' -> {
        if (arg instanceof String || arg instanceof GoTime) {
          String s = arg.toString();
          if (precision >= 0 && s.codePointCount(0, s.length()) > precision) {
            s = s.substring(0, s.offsetByCodePoints(0, precision));
          }
          return s;
        }
        return bad(verb, arg);
      }
      case 'q' -> {
        if (arg instanceof String s) {
          return GoNumbers.quote(s);
        }
        if (arg instanceof Long l) {
          return "'" + new String(Character.toChars(l.intValue())) + "'";
        }
        return bad(verb, arg);
      }
      case 'd', 'o', 'b', 'c' -> {
        if (!(arg instanceof Long l)) {
          return bad(verb, arg);
        }
        return switch (verb) {
          case 'd' -> sign(Long.toString(l), arg, plus, space);
          case 'o' -> (sharp ? "0" : "") + Long.toOctalString(l);
          case 'b' -> Long.toBinaryString(l);
          default -> new String(Character.toChars(l.intValue()));
        };
      }
      case 'x', 'X' -> {
        String hex;
        if (arg instanceof Long l) {
          hex = (l < 0 ? "-" : "") + Long.toHexString(Math.abs(l));
        } else if (arg instanceof String s) {
          StringBuilder sb = new StringBuilder();
          for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            sb.append(String.format("%02x", b & 0xff));
          }
          hex = sb.toString();
        } else {
          return bad(verb, arg);
        }
        if (sharp) {
          hex = "0x" + hex;
        }
        return verb == 'X' ? hex.toUpperCase(Locale.ROOT) : hex;
      }
      case 'f', 'F', 'e', 'E', 'g', 'G' -> {
        if (!(arg instanceof Double d)) {
          return bad(verb, arg);
        }
        return sign(formatFloat(Character.toLowerCase(verb), d, precision, verb), arg, plus, space);
      }
      case 't' -> {
        return arg instanceof Boolean b ? b.toString() : bad(verb, arg);
      }
      default -> {
        return bad(verb, arg);
      }
    }
  }

  private static String formatFloat(char verb, double d, int precision, char original) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return GoValues.formatFloat(d);
    }
    String s =
        switch (verb) {
          case 'f' ->
              new BigDecimal(d)
                  .setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN)
                  .toPlainString();
          case 'e' ->
              goExponent(
                  String.format(Locale.ROOT, "%." + (precision < 0 ? 6 : precision) + "e", d));
          default -> {
            if (precision < 0) {
              yield GoValues.formatFloat(d);
            }
            int p = precision == 0 ? 1 : precision;
            BigDecimal bd =
                new BigDecimal(d).round(new java.math.MathContext(p, RoundingMode.HALF_EVEN));
            int exp = bd.precision() - bd.scale() - 1;
            if (exp < -4 || exp >= p) {
              yield goExponent(String.format(Locale.ROOT, "%." + (p - 1) + "e", d))
                  .replaceFirst("\\.?0+e", "e");
            }
            String plain = bd.toPlainString();
            yield plain.contains(".") ? plain.replaceFirst("\\.?0+$", "") : plain;
          }
        };
    return Character.isUpperCase(original) ? s.toUpperCase(Locale.ROOT) : s;
  }

  /** Java prints {@code 1.5e+01}; Go the same, but Java may use one exponent digit. */
  private static String goExponent(String s) {
    int e = s.indexOf('e');
    String exp = s.substring(e + 2);
    return s.substring(0, e + 2) + (exp.length() < 2 ? "0" + exp : exp);
  }

  private static String sign(String s, Object arg, boolean plus, boolean space) {
    boolean numeric = arg instanceof Long || arg instanceof Double;
    if (numeric && !s.startsWith("-") && !s.startsWith("+")) {
      if (plus) {
        return "+" + s;
      }
      if (space) {
        return " " + s;
      }
    }
    return s;
  }

  private static String bad(char verb, Object arg) {
    if (arg == null) {
      return "%!" + verb + "(<nil>)";
    }
    return "%!" + verb + "(" + GoValues.typeName(arg) + "=" + GoValues.print(arg) + ")";
  }

  private static String pad(String s, int width, boolean left, boolean zeros) {
    int len = s.codePointCount(0, s.length());
    if (width <= len) {
      return s;
    }
    String padding = (zeros ? "0" : " ").repeat(width - len);
    if (left) {
      return s + padding;
    }
    if (zeros && (s.startsWith("-") || s.startsWith("+"))) {
      return s.charAt(0) + padding + s.substring(1);
    }
    return padding + s;
  }
}

package io.icegate.query.logql.template;

import java.math.BigDecimal;

/**
 * Argument checks and conversions for template functions. Typed Go parameters ({@code string},
 * {@code int}) reject other types with Go's message; sprig's {@code interface{}} parameters convert
 * leniently as its {@code cast} helpers do (a bad string is 0).
 */
final class Args {
  private Args() {}

  static void count(String fn, Object[] args, int want) {
    if (args.length != want) {
      throw new TemplateException(
          "wrong number of args for " + fn + ": want " + want + " got " + args.length);
    }
  }

  static void atLeast(String fn, Object[] args, int want) {
    if (args.length < want) {
      throw new TemplateException(
          "wrong number of args for " + fn + ": want at least " + want + " got " + args.length);
    }
  }

  /** A Go {@code string} parameter. */
  static String string(Object v) {
    if (v instanceof String s) {
      return s;
    }
    throw wrongType("string", v);
  }

  /** A Go {@code int} parameter: ints, and integral float constants. */
  static int integer(Object v) {
    if (v instanceof Long l) {
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l));
    }
    if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return d.intValue();
    }
    throw wrongType("int", v);
  }

  /** A Go {@code time.Time} parameter. */
  static GoTime time(Object v) {
    if (v instanceof GoTime t) {
      return t;
    }
    throw wrongType("time.Time", v);
  }

  /** A Go {@code float64} parameter. */
  static double float64(Object v) {
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Long l) {
      return l;
    }
    throw wrongType("float64", v);
  }

  static TemplateException wrongType(String want, Object got) {
    return new TemplateException(
        "wrong type for value; expected " + want + "; got " + GoValues.typeName(got));
  }

  /** sprig's {@code toInt64} (spf13/cast): strings parse as integers, anything bad is 0. */
  static long toInt64(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d) {
      return (long) d.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      String t = s;
      // cast trims a ".0…" fraction of zeros before parsing.
      int dot = t.indexOf('.');
      if (dot >= 0 && t.substring(dot + 1).chars().allMatch(c -> c == '0')) {
        t = t.substring(0, dot);
      }
      try {
        return parseGoInt(t);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  private static long parseGoInt(String s) {
    String t = s.replace("_", "");
    boolean neg = t.startsWith("-");
    if (neg || t.startsWith("+")) {
      t = t.substring(1);
    }
    long v;
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("0x")) {
      v = Long.parseLong(t.substring(2), 16);
    } else if (lower.startsWith("0b")) {
      v = Long.parseLong(t.substring(2), 2);
    } else if (lower.startsWith("0o")) {
      v = Long.parseLong(t.substring(2), 8);
    } else if (t.length() > 1 && t.startsWith("0")) {
      v = Long.parseLong(t.substring(1), 8);
    } else {
      v = Long.parseLong(t);
    }
    return neg ? -v : v;
  }

  /** sprig's {@code toFloat64}: strings parse as floats, anything bad is 0. */
  static double toFloat64(Object v) {
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      try {
        return io.icegate.query.logql.pipeline.GoNumbers.parseFloat(s);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  /** Exact decimal of a float, as sprig's float helpers (shopspring/decimal) compute. */
  static BigDecimal decimal(Object v) {
    double d = toFloat64(v);
    return new BigDecimal(Double.toString(d));
  }
}

package io.icegate.query.logql.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How Go's {@code text/template} and {@code fmt} treat values. Java stands in for Go's types:
 * String, Long (any int), Double (float64), Boolean, {@link GoTime}, Map (map), List (slice), null
 * (nil).
 */
final class GoValues {
  static final String NO_VALUE = "<no value>";

  private GoValues() {}

  /** Go template truth: false, 0, nil, and empty strings, maps and slices are false. */
  static boolean isTrue(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (v instanceof List<?> l) {
      return !l.isEmpty();
    }
    return true;
  }

  /** {@code fmt.Sprint} of one value, as an action prints it. */
  static String print(Object v) {
    if (v == null) {
      return NO_VALUE;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Double d) {
      return formatFloat(d);
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("map[");
      boolean first = true;
      for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
        if (!first) {
          sb.append(' ');
        }
        first = false;
        sb.append(printNested(e.getKey())).append(':').append(printNested(e.getValue()));
      }
      return sb.append(']').toString();
    }
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        sb.append(printNested(l.get(i)));
      }
      return sb.append(']').toString();
    }
    return v.toString();
  }

  private static String printNested(Object v) {
    return v == null ? "<nil>" : print(v);
  }

  /**
   * Go's {@code %v} of a float64: shortest digits, exponent form below 1e-4 and from 1e6 (strconv's
   * {@code 'g'} with shortest precision).
   */
  static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = bd.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - bd.scale();
    String sign = d < 0 ? "-" : "";
    if (exp < -4 || exp >= 6) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String e = String.valueOf(Math.abs(exp));
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
    return sign + bd.abs().toPlainString();
  }

  /** Go's name of a value's type, for error messages. */
  static String typeName(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Long) {
      return "int";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof GoTime) {
      return "time.Time";
    }
    if (v instanceof Map) {
      return "map[string]interface {}";
    }
    if (v instanceof List) {
      return "[]interface {}";
    }
    return v.getClass().getSimpleName();
  }

  /** The kind of a basic value for comparisons: 0 bool, 1 int, 2 float, 3 string, -1 other. */
  private static int kind(Object v) {
    if (v instanceof Boolean) {
      return 0;
    }
    if (v instanceof Long) {
      return 1;
    }
    if (v instanceof Double) {
      return 2;
    }
    if (v instanceof String) {
      return 3;
    }
    return -1;
  }

  /** The {@code eq} builtin on two values. */
  static boolean equal(Object a, Object b) {
    if (a == null || b == null) {
      if (a == null && b == null) {
        return true;
      }
      throw new TemplateException("incompatible types for comparison");
    }
    int ka = kind(a);
    int kb = kind(b);
    if (ka < 0 || kb < 0) {
      if (a instanceof GoTime || a instanceof Map || a instanceof List) {
        return a.equals(b);
      }
      throw new TemplateException("invalid type for comparison");
    }
    if (ka != kb) {
      throw new TemplateException("incompatible types for comparison");
    }
    return a.equals(b);
  }

  /** The {@code lt} builtin: negative, zero or positive. */
  static int compare(Object a, Object b) {
    int ka = kind(a);
    int kb = kind(b);
    if (ka <= 0 || kb <= 0) {
      throw new TemplateException("invalid type for comparison");
    }
    if (ka != kb) {
      throw new TemplateException("incompatible types for comparison");
    }
    return switch (ka) {
      case 1 -> Long.compare((Long) a, (Long) b);
      case 2 -> Double.compare((Double) a, (Double) b);
      default -> ((String) a).compareTo((String) b);
    };
  }
}

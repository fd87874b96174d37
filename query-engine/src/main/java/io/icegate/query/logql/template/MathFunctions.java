package io.icegate.query.logql.template;

import io.icegate.query.logql.pipeline.GoNumbers;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * sprig's math functions as Loki exposes them: integer ones ({@code add sub mul div mod max min},
 * results int64, string arguments parsed leniently), float ones ({@code addf subf mulf divf maxf
 * minf ceil floor round}, decimal arithmetic as sprig's shopspring/decimal), the {@code int} /
 * {@code float64} conversions and Loki's {@code bytes} / {@code duration} parsers.
 */
final class MathFunctions {
  private MathFunctions() {}

  static void register(Map<String, TemplateFunction> f) {
    f.put(
        "add",
        (a, c) -> {
          long sum = 0;
          for (Object v : a) {
            sum += Args.toInt64(v);
          }
          return sum;
        });
    f.put("sub", (a, c) -> two("sub", a, (x, y) -> x - y));
    f.put(
        "mul",
        (a, c) -> {
          Args.atLeast("mul", a, 1);
          long product = Args.toInt64(a[0]);
          for (int i = 1; i < a.length; i++) {
            product *= Args.toInt64(a[i]);
          }
          return product;
        });
    f.put(
        "div",
        (a, c) ->
            two(
                "div",
                a,
                (x, y) -> {
                  if (y == 0) {
                    throw new TemplateException("runtime error: integer divide by zero");
                  }
                  return x / y;
                }));
    f.put(
        "mod",
        (a, c) ->
            two(
                "mod",
                a,
                (x, y) -> {
                  if (y == 0) {
                    throw new TemplateException("runtime error: integer divide by zero");
                  }
                  return x % y;
                }));
    f.put(
        "max",
        (a, c) -> {
          Args.atLeast("max", a, 1);
          long m = Args.toInt64(a[0]);
          for (int i = 1; i < a.length; i++) {
            m = Math.max(m, Args.toInt64(a[i]));
          }
          return m;
        });
    f.put(
        "min",
        (a, c) -> {
          Args.atLeast("min", a, 1);
          long m = Args.toInt64(a[0]);
          for (int i = 1; i < a.length; i++) {
            m = Math.min(m, Args.toInt64(a[i]));
          }
          return m;
        });
    f.put(
        "addf",
        (a, c) -> {
          BigDecimal sum = BigDecimal.ZERO;
          for (Object v : a) {
            sum = sum.add(Args.decimal(v));
          }
          return sum.doubleValue();
        });
    f.put("subf", (a, c) -> fold("subf", a, BigDecimal::subtract));
    f.put("mulf", (a, c) -> fold("mulf", a, BigDecimal::multiply));
    f.put(
        "divf",
        (a, c) ->
            fold(
                "divf",
                a,
                (x, y) -> {
                  if (y.signum() == 0) {
                    throw new TemplateException("decimal division by 0");
                  }
                  return x.divide(y, MathContext.DECIMAL64);
                }));
    f.put(
        "maxf",
        (a, c) -> {
          Args.atLeast("maxf", a, 1);
          double m = Args.toFloat64(a[0]);
          for (int i = 1; i < a.length; i++) {
            m = Math.max(m, Args.toFloat64(a[i]));
          }
          return m;
        });
    f.put(
        "minf",
        (a, c) -> {
          Args.atLeast("minf", a, 1);
          double m = Args.toFloat64(a[0]);
          for (int i = 1; i < a.length; i++) {
            m = Math.min(m, Args.toFloat64(a[i]));
          }
          return m;
        });
    f.put(
        "ceil",
        (a, c) -> {
          Args.count("ceil", a, 1);
          return Math.ceil(Args.toFloat64(a[0]));
        });
    f.put(
        "floor",
        (a, c) -> {
          Args.count("floor", a, 1);
          return Math.floor(Args.toFloat64(a[0]));
        });
    f.put("round", MathFunctions::round);
    f.put(
        "int",
        (a, c) -> {
          Args.count("int", a, 1);
          return Args.toInt64(a[0]);
        });
    f.put(
        "float64",
        (a, c) -> {
          Args.count("float64", a, 1);
          return Args.toFloat64(a[0]);
        });
    f.put(
        "bytes",
        (a, c) -> {
          Args.count("bytes", a, 1);
          try {
            return (double) GoNumbers.parseBytes(Args.string(a[0]));
          } catch (NumberFormatException e) {
            throw new TemplateException(e.getMessage());
          }
        });
    TemplateFunction duration =
        (a, c) -> {
          Args.count("duration", a, 1);
          try {
            return GoNumbers.parseDuration(Args.string(a[0])) / 1e9;
          } catch (NumberFormatException e) {
            throw new TemplateException(e.getMessage());
          }
        };
    f.put("duration", duration);
    f.put("duration_seconds", duration);
  }

  private interface LongOp {
    long apply(long x, long y);
  }

  private interface DecimalOp {
    BigDecimal apply(BigDecimal x, BigDecimal y);
  }

  private static Object two(String name, Object[] a, LongOp op) {
    Args.count(name, a, 2);
    return op.apply(Args.toInt64(a[0]), Args.toInt64(a[1]));
  }

  private static Object fold(String name, Object[] a, DecimalOp op) {
    Args.atLeast(name, a, 1);
    BigDecimal acc = Args.decimal(a[0]);
    for (int i = 1; i < a.length; i++) {
      acc = op.apply(acc, Args.decimal(a[i]));
    }
    return acc.doubleValue();
  }

  /** sprig's {@code round a places [roundOn]}: rounds up once the fraction reaches roundOn. */
  private static Object round(Object[] a, TemplateContext c) {
    Args.atLeast("round", a, 2);
    double roundOn = a.length > 2 ? Args.float64(a[2]) : 0.5;
    double value = Args.toFloat64(a[0]);
    double pow = Math.pow(10, Args.integer(a[1]));
    double digit = pow * value;
    double fraction = digit - (long) digit;
    double rounded = fraction >= roundOn ? Math.ceil(digit) : Math.floor(digit);
    return rounded / pow;
  }
}

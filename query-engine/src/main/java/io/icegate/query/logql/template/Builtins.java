package io.icegate.query.logql.template;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Go's {@code text/template} builtins ({@code and}/{@code or} live in {@link Executor}). */
final class Builtins {
  private Builtins() {}

  static void register(Map<String, TemplateFunction> f) {
    f.put("and", (a, c) -> null);
    f.put("or", (a, c) -> null);
    f.put(
        "not",
        (a, c) -> {
          Args.count("not", a, 1);
          return !GoValues.isTrue(a[0]);
        });
    f.put(
        "eq",
        (a, c) -> {
          Args.atLeast("eq", a, 2);
          for (int i = 1; i < a.length; i++) {
            if (GoValues.equal(a[0], a[i])) {
              return true;
            }
          }
          return false;
        });
    f.put(
        "ne",
        (a, c) -> {
          Args.count("ne", a, 2);
          return !GoValues.equal(a[0], a[1]);
        });
    f.put("lt", (a, c) -> compare("lt", a) < 0);
    f.put("le", (a, c) -> compare("le", a) <= 0);
    f.put("gt", (a, c) -> compare("gt", a) > 0);
    f.put("ge", (a, c) -> compare("ge", a) >= 0);
    f.put(
        "len",
        (a, c) -> {
          Args.count("len", a, 1);
          Object v = a[0];
          if (v instanceof String s) {
            return (long) s.getBytes(StandardCharsets.UTF_8).length;
          }
          if (v instanceof Map<?, ?> m) {
            return (long) m.size();
          }
          if (v instanceof List<?> l) {
            return (long) l.size();
          }
          throw new TemplateException("len of type " + GoValues.typeName(v));
        });
    f.put("index", Builtins::index);
    f.put("print", (a, c) -> sprint(a));
    f.put(
        "println",
        (a, c) -> {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < a.length; i++) {
            if (i > 0) {
              sb.append(' ');
            }
            sb.append(a[i] == null ? "<nil>" : GoValues.print(a[i]));
          }
          return sb.append('\n').toString();
        });
    f.put(
        "printf",
        (a, c) -> {
          Args.atLeast("printf", a, 1);
          Object[] rest = new Object[a.length - 1];
          System.arraycopy(a, 1, rest, 0, rest.length);
          return GoFormat.sprintf(Args.string(a[0]), rest);
        });
    f.put("urlquery", (a, c) -> URLEncoder.encode(sprint(a), StandardCharsets.UTF_8));
  }

  private static int compare(String fn, Object[] a) {
    Args.count(fn, a, 2);
    return GoValues.compare(a[0], a[1]);
  }

  /** {@code fmt.Sprint}: spaces between operands when neither side is a string. */
  static String sprint(Object[] a) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.length; i++) {
      if (i > 0 && !(a[i] instanceof String) && !(a[i - 1] instanceof String)) {
        sb.append(' ');
      }
      sb.append(a[i] == null ? "<nil>" : GoValues.print(a[i]));
    }
    return sb.toString();
  }

  private static Object index(Object[] a, TemplateContext c) {
    Args.atLeast("index", a, 1);
    Object v = a[0];
    for (int i = 1; i < a.length; i++) {
      if (v instanceof Map<?, ?> m) {
        v = m.get(a[i]);
      } else if (v instanceof List<?> l) {
        long k = Args.toInt64(a[i]);
        if (!(a[i] instanceof Long) || k < 0 || k >= l.size()) {
          throw new TemplateException("error calling index: index out of range: " + a[i]);
        }
        v = l.get((int) k);
      } else {
        throw new TemplateException("can't index item of type " + GoValues.typeName(v));
      }
    }
    return v;
  }
}

package io.icegate.query.logql.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Matcher;
import io.icegate.query.regex.GoRegex;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loki's string, regex and encoding template functions: the deprecated Go {@code strings} aliases
 * ({@code ToUpper}, {@code Replace}, …), the sprig ones ({@code lower}, {@code trunc}, {@code
 * substr}, …) and Loki's own ({@code alignLeft}, {@code count}, {@code regexReplaceAll}, …).
 * Argument order is sprig's: the subject string comes last, so it can be piped in.
 */
final class StringFunctions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REPEAT = Executor.MAX_OUTPUT;

  private StringFunctions() {}

  private interface S1 {
    Object apply(String s);
  }

  private interface S2 {
    Object apply(String a, String b);
  }

  private static TemplateFunction s1(String name, S1 f) {
    return (a, c) -> {
      Args.count(name, a, 1);
      return f.apply(Args.string(a[0]));
    };
  }

  private static TemplateFunction s2(String name, S2 f) {
    return (a, c) -> {
      Args.count(name, a, 2);
      return f.apply(Args.string(a[0]), Args.string(a[1]));
    };
  }

  static void register(Map<String, TemplateFunction> f) {
    // Go's strings package, kept by Loki for old queries (subject first).
    f.put("ToLower", s1("ToLower", s -> s.toLowerCase(Locale.ROOT)));
    f.put("ToUpper", s1("ToUpper", s -> s.toUpperCase(Locale.ROOT)));
    f.put(
        "Replace",
        (a, c) -> {
          Args.count("Replace", a, 4);
          return replace(
              Args.string(a[0]), Args.string(a[1]), Args.string(a[2]), Args.integer(a[3]));
        });
    f.put("Trim", s2("Trim", (s, cut) -> trimChars(s, cut, true, true)));
    f.put("TrimLeft", s2("TrimLeft", (s, cut) -> trimChars(s, cut, true, false)));
    f.put("TrimRight", s2("TrimRight", (s, cut) -> trimChars(s, cut, false, true)));
    f.put("TrimPrefix", s2("TrimPrefix", (s, p) -> s.startsWith(p) ? s.substring(p.length()) : s));
    f.put(
        "TrimSuffix",
        s2("TrimSuffix", (s, p) -> s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s));
    f.put("TrimSpace", s1("TrimSpace", String::strip));

    // sprig (subject last).
    f.put("lower", s1("lower", s -> s.toLowerCase(Locale.ROOT)));
    f.put("upper", s1("upper", s -> s.toUpperCase(Locale.ROOT)));
    f.put("title", s1("title", StringFunctions::title));
    f.put("trim", s1("trim", String::strip));
    f.put("trimAll", s2("trimAll", (cut, s) -> trimChars(s, cut, true, true)));
    f.put("trimPrefix", s2("trimPrefix", (p, s) -> s.startsWith(p) ? s.substring(p.length()) : s));
    f.put(
        "trimSuffix",
        s2("trimSuffix", (p, s) -> s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s));
    f.put("contains", s2("contains", (sub, s) -> s.contains(sub)));
    f.put("hasPrefix", s2("hasPrefix", (p, s) -> s.startsWith(p)));
    f.put("hasSuffix", s2("hasSuffix", (p, s) -> s.endsWith(p)));
    f.put(
        "replace",
        (a, c) -> {
          Args.count("replace", a, 3);
          return replace(Args.string(a[2]), Args.string(a[0]), Args.string(a[1]), -1);
        });
    f.put(
        "repeat",
        (a, c) -> {
          Args.count("repeat", a, 2);
          int n = Args.integer(a[0]);
          String s = Args.string(a[1]);
          if (n < 0) {
            throw new TemplateException("strings: negative Repeat count");
          }
          if ((long) n * s.length() > MAX_REPEAT) {
            throw new TemplateException("repeat result too large");
          }
          return s.repeat(n);
        });
    f.put(
        "trunc",
        (a, c) -> {
          Args.count("trunc", a, 2);
          int n = Args.integer(a[0]);
          String s = Args.string(a[1]);
          if (n < 0 && s.length() + n > 0) {
            return s.substring(s.length() + n);
          }
          if (n >= 0 && s.length() > n) {
            return s.substring(0, n);
          }
          return s;
        });
    f.put(
        "substr",
        (a, c) -> {
          Args.count("substr", a, 3);
          int start = Args.integer(a[0]);
          int end = Args.integer(a[1]);
          String s = Args.string(a[2]);
          if (start < 0) {
            return s.substring(0, checkIndex(end, s));
          }
          if (end < 0 || end > s.length()) {
            return s.substring(checkIndex(start, s));
          }
          if (start > end) {
            throw new TemplateException("slice bounds out of range [" + start + ":" + end + "]");
          }
          return s.substring(start, end);
        });
    f.put(
        "indent",
        (a, c) -> {
          Args.count("indent", a, 2);
          return indent(Args.integer(a[0]), Args.string(a[1]));
        });
    f.put(
        "nindent",
        (a, c) -> {
          Args.count("nindent", a, 2);
          return "\n" + indent(Args.integer(a[0]), Args.string(a[1]));
        });
    f.put(
        "default",
        (a, c) -> {
          Args.atLeast("default", a, 1);
          if (a.length == 1 || !GoValues.isTrue(a[1])) {
            return a[0];
          }
          return a[1];
        });
    f.put(
        "alignLeft",
        (a, c) -> {
          Args.count("alignLeft", a, 2);
          return align(Args.integer(a[0]), Args.string(a[1]), true);
        });
    f.put(
        "alignRight",
        (a, c) -> {
          Args.count("alignRight", a, 2);
          return align(Args.integer(a[0]), Args.string(a[1]), false);
        });

    // Regular expressions (Go syntax) and encodings.
    f.put(
        "regexReplaceAll",
        (a, c) -> {
          Args.count("regexReplaceAll", a, 3);
          return GoRegex.cached(Args.string(a[0])).replaceAll(Args.string(a[1]), Args.string(a[2]));
        });
    f.put(
        "regexReplaceAllLiteral",
        (a, c) -> {
          Args.count("regexReplaceAllLiteral", a, 3);
          return GoRegex.cached(Args.string(a[0]))
              .replaceAll(Args.string(a[1]), GoRegex.literal(Args.string(a[2])));
        });
    f.put(
        "count",
        (a, c) -> {
          Args.count("count", a, 2);
          Matcher m = GoRegex.cached(Args.string(a[0])).matcher(Args.string(a[1]));
          long n = 0;
          while (m.find()) {
            n++;
          }
          return n;
        });
    f.put(
        "b64enc",
        s1("b64enc", s -> Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))));
    f.put(
        "b64dec",
        s1(
            "b64dec",
            s -> {
              try {
                return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
              } catch (IllegalArgumentException e) {
                // sprig returns the error text as the result.
                return "illegal base64 data at input byte " + badBase64Offset(s);
              }
            }));
    f.put("urlencode", s1("urlencode", s -> URLEncoder.encode(s, StandardCharsets.UTF_8)));
    f.put(
        "urldecode",
        s1(
            "urldecode",
            s -> {
              try {
                return URLDecoder.decode(s, StandardCharsets.UTF_8);
              } catch (IllegalArgumentException e) {
                throw new TemplateException("invalid URL escape in " + s);
              }
            }));
    f.put("fromJson", s1("fromJson", StringFunctions::fromJson));
  }

  private static int checkIndex(int i, String s) {
    if (i < 0 || i > s.length()) {
      throw new TemplateException(
          "slice bounds out of range [:" + i + "] with length " + s.length());
    }
    return i;
  }

  static String replace(String s, String old, String replacement, int n) {
    if (n < 0) {
      if (old.isEmpty()) {
        // Go inserts the replacement around every rune.
        StringBuilder sb = new StringBuilder(replacement);
        s.codePoints().forEach(cp -> sb.appendCodePoint(cp).append(replacement));
        return sb.toString();
      }
      return s.replace(old, replacement);
    }
    String result = s;
    int from = 0;
    for (int i = 0; i < n; i++) {
      int at = result.indexOf(old, from);
      if (at < 0) {
        break;
      }
      result = result.substring(0, at) + replacement + result.substring(at + old.length());
      from = at + replacement.length() + (old.isEmpty() ? 1 : 0);
    }
    return result;
  }

  static String trimChars(String s, String cut, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    while (left && start < end && cut.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (right && end > start && cut.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Go's deprecated {@code strings.Title}: upper-cases the first letter of each word. */
  static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      sb.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(cp) : cp);
      prev = cp;
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  private static boolean isSeparator(int r) {
    if (r <= 0x7F) {
      return !(Character.isLetterOrDigit(r) || r == '_');
    }
    if (Character.isLetterOrDigit(r)) {
      return false;
    }
    return Character.isWhitespace(r) || Character.isSpaceChar(r);
  }

  static String indent(int spaces, String s) {
    String pad = " ".repeat(Math.max(0, spaces));
    return pad + s.replace("\n", "\n" + pad);
  }

  /** Loki's alignLeft / alignRight, counted in runes. */
  static String align(int count, String s, boolean left) {
    if (count < 0) {
      return s;
    }
    int runes = s.codePointCount(0, s.length());
    if (runes > count) {
      return left
          ? s.substring(0, s.offsetByCodePoints(0, count))
          : s.substring(s.offsetByCodePoints(s.length(), -count));
    }
    String pad = " ".repeat(count - runes);
    return left ? s + pad : pad + s;
  }

  private static int badBase64Offset(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/' || c == '=';
      if (!ok) {
        return i;
      }
    }
    return s.length() - s.length() % 4;
  }

  private static Object fromJson(String s) {
    try {
      return convert(JSON.readValue(s, Object.class));
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Jackson's numbers become Go's JSON float64; maps and lists are kept. */
  private static Object convert(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, val) -> out.put(String.valueOf(k), convert(val)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(StringFunctions::convert).toList();
    }
    return v;
  }
}

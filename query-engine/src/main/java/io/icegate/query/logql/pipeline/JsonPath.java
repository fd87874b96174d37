package io.icegate.query.logql.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A Loki JSON expression such as {@code request.headers["User-Agent"]} or {@code items[0].id}: a
 * field, then {@code .field}, {@code [index]} or {@code ["key"]} steps. Each step is a {@link
 * String} (a key) or an {@link Integer} (an array index).
 */
public record JsonPath(String expression, List<Object> steps) {
  public JsonPath {
    steps = List.copyOf(steps);
  }

  public static JsonPath parse(String expression) {
    List<Object> steps = new ArrayList<>();
    int i = 0;
    int n = expression.length();
    boolean expectField = true;
    while (i < n) {
      char c = expression.charAt(i);
      if (c == '[') {
        int end;
        if (i + 1 < n && expression.charAt(i + 1) == '"') {
          StringBuilder key = new StringBuilder();
          int j = i + 2;
          while (j < n && expression.charAt(j) != '"') {
            if (expression.charAt(j) == '\\' && j + 1 < n) {
              j++;
            }
            key.append(expression.charAt(j++));
          }
          if (j + 1 >= n || expression.charAt(j + 1) != ']') {
            throw invalid(expression);
          }
          steps.add(key.toString());
          end = j + 2;
        } else {
          int close = expression.indexOf(']', i);
          if (close < 0) {
            throw invalid(expression);
          }
          try {
            steps.add(Integer.parseInt(expression.substring(i + 1, close).trim()));
          } catch (NumberFormatException e) {
            throw invalid(expression);
          }
          end = close + 1;
        }
        i = end;
        expectField = false;
      } else if (c == '.') {
        if (expectField) {
          throw invalid(expression);
        }
        i++;
        expectField = true;
        if (i >= n || !fieldChar(expression.charAt(i))) {
          throw invalid(expression);
        }
      } else if (fieldChar(c)) {
        if (!expectField) {
          throw invalid(expression);
        }
        int start = i;
        while (i < n && fieldChar(expression.charAt(i))) {
          i++;
        }
        steps.add(expression.substring(start, i));
        expectField = false;
      } else {
        throw invalid(expression);
      }
    }
    if (steps.isEmpty() || expectField && !steps.isEmpty() && expression.endsWith(".")) {
      throw invalid(expression);
    }
    return new JsonPath(expression, steps);
  }

  private static boolean fieldChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '@' || c == '$';
  }

  private static IllegalArgumentException invalid(String expression) {
    return new IllegalArgumentException(
        "cannot parse expression [" + expression + "]: syntax error");
  }
}

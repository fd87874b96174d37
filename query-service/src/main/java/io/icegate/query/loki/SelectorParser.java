package io.icegate.query.loki;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses stream selectors ({@code {a="b", c=~"d.*"}}) and the plain line filters that may follow
 * them ({@code |= != |~ !~}). Used for {@code match[]} and {@code query} of the metadata endpoints;
 * errors carry the position in Loki's wording ({@code parse error at line 1, col 5: ...}).
 */
final class SelectorParser {
  private final String text;
  private int pos;

  private SelectorParser(String text) {
    this.text = text;
  }

  /** A selector alone. */
  static List<LabelMatcher> selector(String text) {
    SelectorParser parser = new SelectorParser(text);
    List<LabelMatcher> matchers = parser.parseSelector();
    parser.skipSpace();
    if (parser.pos < text.length()) {
      throw parser.error("syntax error: unexpected " + parser.describeNext());
    }
    return matchers;
  }

  /** A selector followed by line filters. */
  static LogSelection logQuery(String text) {
    SelectorParser parser = new SelectorParser(text);
    List<LabelMatcher> matchers = parser.parseSelector();
    List<Predicate<String>> filters = new ArrayList<>();
    while (true) {
      parser.skipSpace();
      if (parser.pos >= text.length()) {
        break;
      }
      filters.add(parser.parseLineFilter());
    }
    return new LogSelection(matchers, filters, LogPipeline.NONE);
  }

  private List<LabelMatcher> parseSelector() {
    skipSpace();
    expect('{');
    List<LabelMatcher> matchers = new ArrayList<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return matchers;
    }
    while (true) {
      skipSpace();
      String name = parseName();
      skipSpace();
      LabelMatcher.Type type = parseMatchOperator();
      skipSpace();
      String value = parseString();
      matchers.add(LabelMatcher.of(name, type, value));
      skipSpace();
      char c = peek();
      if (c == ',') {
        pos++;
      } else if (c == '}') {
        pos++;
        return matchers;
      } else {
        throw error("syntax error: unexpected " + describeNext() + ", expecting } or ,");
      }
    }
  }

  private Predicate<String> parseLineFilter() {
    String op =
        text.startsWith("|=", pos)
            ? "|="
            : text.startsWith("!=", pos)
                ? "!="
                : text.startsWith("|~", pos) ? "|~" : text.startsWith("!~", pos) ? "!~" : null;
    if (op == null) {
      throw error("syntax error: unexpected " + describeNext());
    }
    pos += 2;
    skipSpace();
    String value = parseString();
    return switch (op) {
      case "|=" -> line -> line.contains(value);
      case "!=" -> line -> !line.contains(value);
      case "|~" -> regexp(value)::find;
      default -> line -> !regexp(value).find(line);
    };
  }

  /** A compiled line regexp (unanchored, as Loki's {@code |~}). */
  private Regexp regexp(String value) {
    try {
      return new Regexp(Pattern.compile(value));
    } catch (PatternSyntaxException e) {
      throw error("invalid regular expression \"" + value + "\": " + e.getDescription());
    }
  }

  private record Regexp(Pattern pattern) {
    boolean find(String line) {
      return pattern.matcher(line).find();
    }
  }

  private LabelMatcher.Type parseMatchOperator() {
    if (text.startsWith("=~", pos)) {
      pos += 2;
      return LabelMatcher.Type.RE;
    } else if (text.startsWith("!~", pos)) {
      pos += 2;
      return LabelMatcher.Type.NRE;
    } else if (text.startsWith("!=", pos)) {
      pos += 2;
      return LabelMatcher.Type.NEQ;
    } else if (text.startsWith("=", pos)) {
      pos += 1;
      return LabelMatcher.Type.EQ;
    }
    throw error("syntax error: unexpected " + describeNext() + ", expecting = or != or =~ or !~");
  }

  private String parseName() {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      boolean ok = Character.isLetter(c) || c == '_' || (pos > start && Character.isDigit(c));
      if (!ok) {
        break;
      }
      pos++;
    }
    if (pos == start) {
      throw error("syntax error: unexpected " + describeNext() + ", expecting IDENTIFIER");
    }
    return text.substring(start, pos);
  }

  private String parseString() {
    char quote = peek();
    if (quote == '`') {
      int end = text.indexOf('`', pos + 1);
      if (end < 0) {
        throw error("syntax error: unterminated raw string");
      }
      String value = text.substring(pos + 1, end);
      pos = end + 1;
      return value;
    }
    if (quote != '"') {
      throw error("syntax error: unexpected " + describeNext() + ", expecting STRING");
    }
    StringBuilder value = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return value.toString();
      } else if (c == '\\' && pos < text.length()) {
        char e = text.charAt(pos++);
        switch (e) {
          case 'n' -> value.append('\n');
          case 't' -> value.append('\t');
          case 'r' -> value.append('\r');
          default -> value.append(e);
        }
      } else {
        value.append(c);
      }
    }
    throw error("syntax error: unterminated string");
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("syntax error: unexpected " + describeNext() + ", expecting " + c);
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private String describeNext() {
    if (pos >= text.length()) {
      return "end of input";
    }
    int end = pos + 1;
    while (end < text.length() && end < pos + 20 && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    return text.substring(pos, end);
  }

  private LokiBadRequestException error(String message) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < Math.min(pos, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new LokiBadRequestException(
        "parse error at line " + line + ", col " + col + ": " + message);
  }
}

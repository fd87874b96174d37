package io.icegate.query.logql.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A Loki pattern expression such as {@code <ip> - - [<_>] "<method> <path> <_>"}: literals and
 * captures ({@code <name>}, or {@code <_>} for an unnamed one). Two captures must be separated by a
 * literal. Used by the {@code pattern} parser and the {@code |>} / {@code !>} line filters.
 */
public final class LinePattern {
  private final List<String> parts = new ArrayList<>();

  /** Per part: the capture name, "_" for unnamed, null for a literal. */
  private final List<String> captures = new ArrayList<>();

  private final List<String> names = new ArrayList<>();

  private LinePattern() {}

  /** Parses a pattern; throws {@link IllegalArgumentException} on a malformed one. */
  public static LinePattern parse(String pattern) {
    LinePattern p = new LinePattern();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '<') {
        int end = pattern.indexOf('>', i + 1);
        String name = end > 0 ? pattern.substring(i + 1, end) : "";
        if (end > 0 && isCaptureName(name)) {
          if (!literal.isEmpty()) {
            p.add(literal.toString(), null);
            literal.setLength(0);
          } else if (!p.captures.isEmpty() && p.captures.get(p.captures.size() - 1) != null) {
            throw new IllegalArgumentException(
                "found consecutive capture '"
                    + name
                    + "': expression must have literals between"
                    + " captures");
          }
          p.add(null, name);
          i = end + 1;
          continue;
        }
      }
      literal.append(c);
      i++;
    }
    if (!literal.isEmpty()) {
      p.add(literal.toString(), null);
    }
    if (p.parts.isEmpty()) {
      throw new IllegalArgumentException("syntax error: empty pattern");
    }
    return p;
  }

  private static boolean isCaptureName(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          c == '_'
              || (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private void add(String literal, String capture) {
    parts.add(literal);
    captures.add(capture);
    if (capture != null && !capture.equals("_")) {
      if (names.contains(capture)) {
        throw new IllegalArgumentException("duplicate capture name (" + capture + ")");
      }
      names.add(capture);
    }
  }

  /** The named captures in order. */
  public List<String> names() {
    return List.copyOf(names);
  }

  /**
   * Extracts the named captures from a line (Loki's matcher): the pattern is matched from the
   * line's start, each literal at its first occurrence after the previous one; when a literal is
   * missing, the capture before it takes the rest of the line and matching stops.
   *
   * @param sink receives each named capture
   */
  public void extract(String line, CaptureSink sink) {
    if (line.isEmpty()) {
      return;
    }
    int pos = 0;
    int k = 0;
    if (captures.get(0) == null) {
      if (!line.startsWith(parts.get(0))) {
        return;
      }
      pos = parts.get(0).length();
      k = 1;
    }
    while (k < parts.size()) {
      String capture = captures.get(k);
      if (k == parts.size() - 1) {
        if (!capture.equals("_")) {
          sink.capture(capture, line.substring(pos));
        }
        return;
      }
      String literal = parts.get(k + 1);
      int at = line.indexOf(literal, pos);
      if (at < 0) {
        if (!capture.equals("_")) {
          sink.capture(capture, line.substring(pos));
        }
        return;
      }
      if (!capture.equals("_")) {
        sink.capture(capture, line.substring(pos, at));
      }
      pos = at + literal.length();
      k += 2;
    }
  }

  /**
   * Whether a line matches the whole pattern (Loki's {@code |>} test): every literal found in
   * order, a leading literal at the start, no capture before a literal empty, and the line ends
   * with the last literal or, when the pattern ends with a capture, has text left for it.
   */
  public boolean matches(String line) {
    if (line.isEmpty()) {
      return false;
    }
    int pos = 0;
    for (int k = 0; k < parts.size(); k++) {
      String literal = parts.get(k);
      if (literal == null) {
        continue;
      }
      int at = line.indexOf(literal, pos);
      if (at < 0 || (k == 0 && at != 0) || (k > 0 && at == pos)) {
        return false;
      }
      pos = at + literal.length();
    }
    boolean endsWithLiteral = parts.get(parts.size() - 1) != null;
    return endsWithLiteral ? pos == line.length() : pos < line.length();
  }

  /** Receives one named capture. */
  @FunctionalInterface
  public interface CaptureSink {
    void capture(String name, String value);
  }
}

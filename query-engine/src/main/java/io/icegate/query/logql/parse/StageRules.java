package io.icegate.query.logql.parse;

import io.icegate.query.logql.ast.LabelFormatExpr;
import io.icegate.query.logql.ast.LabelFormatOp;
import io.icegate.query.logql.ast.Matcher;
import io.icegate.query.regex.GoRegex;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks Loki makes while it builds a stage (so a bad stage fails at parse time, 400, not while
 * lines stream): regex syntax, regexp/pattern captures, label_format targets.
 */
final class StageRules {
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private StageRules() {}

  /** A regex of a matcher or line filter compiles (Go syntax). */
  static void checkRegex(Token at, String regex) {
    try {
      GoRegex.compile(regex);
    } catch (IllegalArgumentException e) {
      throw TokenCursor.at(at, e.getMessage());
    }
  }

  /** Whether a selector matcher keeps a stream whose label is absent (the empty value). */
  static boolean matchesEmpty(Matcher m) {
    switch (m.op()) {
      case EQ:
        return m.value().isEmpty();
      case NEQ:
        return !m.value().isEmpty();
      case RE:
        return GoRegex.fullMatch(m.value()).find("");
      case NRE:
        return !GoRegex.fullMatch(m.value()).find("");
      default:
        throw new AssertionError(m.op());
    }
  }

  /** {@code | regexp}: valid, at least one named capture, no name twice. */
  static void checkRegexpParser(Token at, String regex) {
    GoRegex compiled;
    try {
      compiled = GoRegex.compile(regex);
    } catch (IllegalArgumentException e) {
      throw LogQLParseException.semantic("invalid regexp parser: " + e.getMessage());
    }
    Set<String> seen = new HashSet<>();
    boolean named = false;
    for (String name : compiled.groupNames()) {
      if (name == null) {
        continue;
      }
      named = true;
      if (!seen.add(name)) {
        throw LogQLParseException.semantic(
            "invalid regexp parser: duplicate extracted label name '" + name + "'");
      }
    }
    if (!named) {
      throw LogQLParseException.semantic(
          "invalid regexp parser: at least one named capture must be supplied");
    }
  }

  /** {@code | pattern}: at least one named capture, none twice, never two captures in a row. */
  static void checkPatternParser(String pattern) {
    List<PatternSyntax.Part> parts;
    try {
      parts = PatternSyntax.parse(pattern);
    } catch (IllegalArgumentException e) {
      throw LogQLParseException.semantic("invalid pattern parser: " + e.getMessage());
    }
    // Loki checks the captures in this order: none named, two in a row, a name twice.
    if (parts.stream().noneMatch(p -> p.capture() && !p.text().equals("_"))) {
      throw LogQLParseException.semantic(
          "invalid pattern parser: at least one capture is required");
    }
    PatternSyntax.Part previous = null;
    for (PatternSyntax.Part part : parts) {
      if (part.capture() && previous != null && previous.capture()) {
        throw LogQLParseException.semantic(
            "invalid pattern parser: found consecutive capture '"
                + previous.raw()
                + part.raw()
                + "': invalid expression");
      }
      previous = part;
    }
    Set<String> names = new HashSet<>();
    for (PatternSyntax.Part part : parts) {
      if (part.capture() && !part.text().equals("_") && !names.add(part.text())) {
        throw LogQLParseException.semantic(
            "invalid pattern parser: duplicate capture name ("
                + part.text()
                + "): invalid expression");
      }
    }
  }

  /** {@code | label_format}: each target once, never {@code __error__}. */
  static void checkLabelFormat(LabelFormatExpr stage) {
    Set<String> targets = new HashSet<>();
    for (LabelFormatOp op : stage.ops()) {
      if (op.target().equals("__error__")) {
        throw stageError(stage.toString(), "__error__ cannot be formatted");
      }
      if (!targets.add(op.target())) {
        throw stageError(
            stage.toString(),
            "multiple label name '" + op.target() + "' not allowed in a single format operation");
      }
    }
  }

  /** {@code label_replace}: the regex compiles and the destination is a valid label name. */
  static void checkLabelReplace(String destination, String regex) {
    try {
      GoRegex.anchored(regex);
    } catch (IllegalArgumentException e) {
      throw LogQLParseException.semantic("invalid regex in label_replace: " + e.getMessage());
    }
    if (!LABEL_NAME.matcher(destination).matches()) {
      throw LogQLParseException.semantic(
          "invalid destination label name in label_replace(): " + destination);
    }
  }

  private static LogQLParseException stageError(String stage, String message) {
    return LogQLParseException.semantic("stage '" + stage + "' : " + message);
  }
}

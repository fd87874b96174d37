package io.icegate.query.logql.parse;

import java.util.Map;
import java.util.Set;

/** LogQL's reserved words, function names and parser flags, as Loki's lexer knows them. */
final class Vocabulary {
  private static final Map<String, TokenKind> KEYWORDS =
      Map.ofEntries(
          Map.entry("by", TokenKind.BY),
          Map.entry("without", TokenKind.WITHOUT),
          Map.entry("bool", TokenKind.BOOL),
          Map.entry("offset", TokenKind.OFFSET),
          Map.entry("on", TokenKind.ON),
          Map.entry("ignoring", TokenKind.IGNORING),
          Map.entry("group_left", TokenKind.GROUP_LEFT),
          Map.entry("group_right", TokenKind.GROUP_RIGHT),
          Map.entry("or", TokenKind.OR),
          Map.entry("and", TokenKind.AND),
          Map.entry("unless", TokenKind.UNLESS),
          Map.entry("unwrap", TokenKind.UNWRAP),
          Map.entry("json", TokenKind.JSON),
          Map.entry("logfmt", TokenKind.LOGFMT),
          Map.entry("regexp", TokenKind.REGEXP),
          Map.entry("pattern", TokenKind.PATTERN),
          Map.entry("unpack", TokenKind.UNPACK),
          Map.entry("line_format", TokenKind.LINE_FMT),
          Map.entry("label_format", TokenKind.LABEL_FMT),
          Map.entry("decolorize", TokenKind.DECOLORIZE),
          Map.entry("drop", TokenKind.DROP),
          Map.entry("keep", TokenKind.KEEP));

  private static final Set<String> FUNCTIONS =
      Set.of(
          "rate",
          "rate_counter",
          "count_over_time",
          "bytes_rate",
          "bytes_over_time",
          "avg_over_time",
          "sum_over_time",
          "min_over_time",
          "max_over_time",
          "stdvar_over_time",
          "stddev_over_time",
          "quantile_over_time",
          "first_over_time",
          "last_over_time",
          "absent_over_time",
          "vector",
          "sum",
          "avg",
          "max",
          "min",
          "count",
          "stddev",
          "stdvar",
          "bottomk",
          "topk",
          "sort",
          "sort_desc",
          "label_replace",
          "bytes",
          "duration",
          "duration_seconds",
          "ip");

  private static final Set<String> PARSER_FLAGS = Set.of("--strict", "--keep-empty");

  private Vocabulary() {}

  /** The keyword token for a lower-case word, or null. */
  static TokenKind keyword(String lower) {
    return KEYWORDS.get(lower);
  }

  /** Whether a lower-case word names a function (a function only when a call follows). */
  static boolean isFunction(String lower) {
    return FUNCTIONS.contains(lower);
  }

  /** {@code --strict} and {@code --keep-empty}. */
  static boolean isParserFlag(String flag) {
    return PARSER_FLAGS.contains(flag);
  }
}

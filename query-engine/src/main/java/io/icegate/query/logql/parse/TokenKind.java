package io.icegate.query.logql.parse;

/**
 * Lexical token kinds; {@link #displayName()} is what Loki's parser prints for the token in its
 * errors (the literal text for operators and keywords, the token name otherwise).
 */
enum TokenKind {
  IDENTIFIER,
  STRING,
  NUMBER,
  DURATION,
  BYTES,
  RANGE,
  PARSER_FLAG,
  /** A function name followed by {@code (} (or by {@code by/without (}): sum, rate, ip, ... */
  FUNCTION,
  EOF("$end"),
  /** A lexical error, raised when the parser reaches it (Loki's lexer runs on demand). */
  ERROR("$unk"),
  COMMA(","),
  DOT("."),
  OPEN_BRACE("{"),
  CLOSE_BRACE("}"),
  OPEN_PARENTHESIS("("),
  CLOSE_PARENTHESIS(")"),
  CLOSE_BRACKET("]"),
  EQ("="),
  NEQ("!="),
  RE("=~"),
  NRE("!~"),
  NPA("!>"),
  PIPE_EXACT("|="),
  PIPE_MATCH("|~"),
  PIPE_PATTERN("|>"),
  PIPE("|"),
  CMP_EQ("=="),
  GT(">"),
  GTE(">="),
  LT("<"),
  LTE("<="),
  ADD("+"),
  SUB("-"),
  MUL("*"),
  DIV("/"),
  MOD("%"),
  POW("^"),
  // keywords, reserved in every position as in Loki
  BY("by"),
  WITHOUT("without"),
  BOOL("bool"),
  OFFSET("offset"),
  ON("on"),
  IGNORING("ignoring"),
  GROUP_LEFT("group_left"),
  GROUP_RIGHT("group_right"),
  OR("or"),
  AND("and"),
  UNLESS("unless"),
  UNWRAP("unwrap"),
  JSON("json"),
  LOGFMT("logfmt"),
  REGEXP("regexp"),
  PATTERN("pattern"),
  UNPACK("unpack"),
  LINE_FMT("line_format"),
  LABEL_FMT("label_format"),
  DECOLORIZE("decolorize"),
  DROP("drop"),
  KEEP("keep");

  private final String displayName;

  TokenKind() {
    this.displayName = null;
  }

  TokenKind(String displayName) {
    this.displayName = displayName;
  }

  String displayName() {
    return displayName != null ? displayName : name();
  }
}

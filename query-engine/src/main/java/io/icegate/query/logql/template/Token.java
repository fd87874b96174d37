package io.icegate.query.logql.template;

/** A lexical item of a template; {@code pos} is the character offset in the template text. */
record Token(Kind kind, String text, int pos) {
  enum Kind {
    TEXT,
    LEFT_DELIM,
    RIGHT_DELIM,
    SPACE,
    IDENTIFIER,
    KEYWORD,
    FIELD,
    VARIABLE,
    DOT,
    STRING,
    RAW_STRING,
    CHAR,
    NUMBER,
    BOOL,
    NIL,
    PIPE,
    LEFT_PAREN,
    RIGHT_PAREN,
    DECLARE,
    ASSIGN,
    COMMA,
    EOF
  }
}

package io.icegate.query.promql.parse;

/** One lexical item of a query: its kind, its text as written and where it starts. */
record Token(Kind kind, String text, int pos) {
  enum Kind {
    IDENT("identifier"),
    NUMBER("number"),
    DURATION("duration"),
    STRING("string"),
    LEFT_PAREN("\"(\""),
    RIGHT_PAREN("\")\""),
    LEFT_BRACE("\"{\""),
    RIGHT_BRACE("\"}\""),
    LEFT_BRACKET("\"[\""),
    RIGHT_BRACKET("\"]\""),
    COMMA("\",\""),
    COLON("\":\""),
    AT("\"@\""),
    ASSIGN("\"=\""),
    EQL_REGEX("\"=~\""),
    NEQ_REGEX("\"!~\""),
    OPERATOR("operator"),
    EOF("end of input");

    final String desc;

    Kind(String desc) {
      this.desc = desc;
    }
  }

  int end() {
    return pos + text.length();
  }

  /** How Prometheus names the item in "unexpected ..." errors. */
  String describe() {
    return switch (kind) {
      case IDENT, NUMBER, DURATION, STRING -> kind.desc + " \"" + text + "\"";
      case OPERATOR -> "\"" + text + "\"";
      default -> kind.desc;
    };
  }
}

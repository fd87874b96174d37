package io.icegate.query.logql.template;

import java.util.List;

/** The parse tree of a template (a subset of Go's {@code text/template/parse} nodes). */
sealed interface Node {
  /** Offset in the template text, for error messages. */
  int pos();

  record ListNode(int pos, List<Node> nodes) implements Node {}

  record TextNode(int pos, String text) implements Node {}

  /** {@code {{ pipeline }}}: prints the pipeline's value unless it declares variables. */
  record ActionNode(int pos, PipeNode pipe) implements Node {}

  /** if / with / range: {@code elseList} may be null. */
  record BranchNode(int pos, Kind kind, PipeNode pipe, ListNode list, ListNode elseList)
      implements Node {
    enum Kind {
      IF,
      WITH,
      RANGE
    }
  }

  record BreakNode(int pos) implements Node {}

  record ContinueNode(int pos) implements Node {}

  /**
   * Commands chained with {@code |}; {@code decl} names variables set by {@code :=} or {@code =}.
   */
  record PipeNode(int pos, List<String> decl, boolean assign, List<CommandNode> commands)
      implements Node {}

  /** A function call or a single operand with arguments. */
  record CommandNode(int pos, List<Node> args) implements Node {}

  /** {@code .a.b}: fields looked up on dot. */
  record FieldNode(int pos, List<String> names) implements Node {}

  /** {@code $x.a}: a variable and optional fields. */
  record VariableNode(int pos, String name, List<String> fields) implements Node {}

  /** {@code (pipeline).a}: fields of a parenthesized pipeline's value. */
  record ChainNode(int pos, Node node, List<String> fields) implements Node {}

  record DotNode(int pos) implements Node {}

  record IdentifierNode(int pos, String name) implements Node {}

  /** A constant: String, Long, Double, Boolean or null (nil). */
  record ConstantNode(int pos, Object value, String text) implements Node {}

  /** The marker {@code {{else}}} / {@code {{end}}} while parsing; never in a finished tree. */
  record DelimNode(int pos, String keyword) implements Node {}
}

package io.icegate.query.logql.template;

import io.icegate.query.logql.template.Node.ActionNode;
import io.icegate.query.logql.template.Node.BranchNode;
import io.icegate.query.logql.template.Node.ChainNode;
import io.icegate.query.logql.template.Node.CommandNode;
import io.icegate.query.logql.template.Node.ConstantNode;
import io.icegate.query.logql.template.Node.DelimNode;
import io.icegate.query.logql.template.Node.DotNode;
import io.icegate.query.logql.template.Node.FieldNode;
import io.icegate.query.logql.template.Node.IdentifierNode;
import io.icegate.query.logql.template.Node.ListNode;
import io.icegate.query.logql.template.Node.PipeNode;
import io.icegate.query.logql.template.Node.TextNode;
import io.icegate.query.logql.template.Node.VariableNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** Builds the tree of a template from its tokens (Go's {@code text/template/parse} grammar). */
final class Parser {
  private final String name;
  private final String input;
  private final List<Token> tokens;
  private final Predicate<String> isFunction;
  private final List<List<String>> scopes = new ArrayList<>();
  private int next;
  private int rangeDepth;

  /**
   * Nesting of branches and parenthesised pipelines, bounded so no template overflows the stack.
   */
  private int depth;

  static final int MAX_DEPTH = 100;

  Parser(String name, String input, Predicate<String> isFunction) {
    this.name = name;
    this.input = input;
    this.tokens = new Lexer(name, input).lex();
    this.isFunction = isFunction;
    scopes.add(new ArrayList<>(List.of("$")));
  }

  ListNode parse() {
    List<Node> nodes = new ArrayList<>();
    while (peek().kind() != Token.Kind.EOF) {
      Node n = textOrAction();
      if (n instanceof DelimNode d) {
        throw error(d.pos(), "unexpected {{" + d.keyword() + "}}");
      }
      nodes.add(n);
    }
    return new ListNode(0, nodes);
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token advance() {
    return tokens.get(next++);
  }

  /** The next token that is not a space. */
  private Token peekNonSpace() {
    while (peek().kind() == Token.Kind.SPACE) {
      next++;
    }
    return peek();
  }

  private Token advanceNonSpace() {
    peekNonSpace();
    return advance();
  }

  private Token expect(Token.Kind kind, String context) {
    Token t = advanceNonSpace();
    if (t.kind() != kind) {
      throw unexpected(t, context);
    }
    return t;
  }

  private Node textOrAction() {
    Token t = advance();
    return switch (t.kind()) {
      case TEXT -> new TextNode(t.pos(), t.text());
      case LEFT_DELIM -> action(t);
      default -> throw unexpected(t, "input");
    };
  }

  private Node action(Token open) {
    Token t = peekNonSpace();
    if (t.kind() == Token.Kind.KEYWORD) {
      advance();
      switch (t.text()) {
        case "if" -> {
          return branch(BranchNode.Kind.IF, t.pos());
        }
        case "with" -> {
          return branch(BranchNode.Kind.WITH, t.pos());
        }
        case "range" -> {
          return branch(BranchNode.Kind.RANGE, t.pos());
        }
        case "end" -> {
          expect(Token.Kind.RIGHT_DELIM, "end");
          return new DelimNode(t.pos(), "end");
        }
        case "else" -> {
          Token after = peekNonSpace();
          if (after.kind() == Token.Kind.KEYWORD
              && (after.text().equals("if") || after.text().equals("with"))) {
            // {{else if …}}: the rest is parsed as a nested branch by the caller.
            return new DelimNode(t.pos(), "else " + after.text());
          }
          expect(Token.Kind.RIGHT_DELIM, "else");
          return new DelimNode(t.pos(), "else");
        }
        case "break", "continue" -> {
          if (rangeDepth == 0) {
            throw error(t.pos(), "{{" + t.text() + "}} outside {{range}}");
          }
          expect(Token.Kind.RIGHT_DELIM, t.text());
          return t.text().equals("break")
              ? new Node.BreakNode(t.pos())
              : new Node.ContinueNode(t.pos());
        }
        default -> throw error(t.pos(), "{{" + t.text() + "}} is not supported");
      }
    }
    PipeNode pipe = pipeline("command", false);
    return new ActionNode(open.pos(), pipe);
  }

  private BranchNode branch(BranchNode.Kind kind, int pos) {
    if (++depth > MAX_DEPTH) {
      throw error(pos, "nesting deeper than " + MAX_DEPTH);
    }
    scopes.add(new ArrayList<>(scopes.get(scopes.size() - 1)));
    try {
      PipeNode pipe =
          pipeline(kind.name().toLowerCase(java.util.Locale.ROOT), kind == BranchNode.Kind.RANGE);
      if (kind == BranchNode.Kind.RANGE) {
        rangeDepth++;
      }
      List<Node> body = new ArrayList<>();
      DelimNode end = itemList(body);
      if (kind == BranchNode.Kind.RANGE) {
        rangeDepth--;
      }
      ListNode elseList = null;
      if (end.keyword().startsWith("else")) {
        if (end.keyword().equals("else")) {
          List<Node> elseBody = new ArrayList<>();
          DelimNode elseEnd = itemList(elseBody);
          if (!elseEnd.keyword().equals("end")) {
            throw error(elseEnd.pos(), "expected end; found {{" + elseEnd.keyword() + "}}");
          }
          elseList = new ListNode(end.pos(), elseBody);
        } else {
          Token kw = advanceNonSpace();
          BranchNode.Kind nested =
              kw.text().equals("if") ? BranchNode.Kind.IF : BranchNode.Kind.WITH;
          // The nested branch consumes the single {{end}} shared with this one.
          elseList = new ListNode(end.pos(), List.of(branch(nested, kw.pos())));
        }
      }
      return new BranchNode(pos, kind, pipe, new ListNode(pos, body), elseList);
    } finally {
      scopes.remove(scopes.size() - 1);
      depth--;
    }
  }

  /** Parses nodes until {{end}} or {{else…}}, which it returns. */
  private DelimNode itemList(List<Node> into) {
    while (true) {
      if (peek().kind() == Token.Kind.EOF) {
        throw error(input.length(), "unexpected EOF");
      }
      Node n = textOrAction();
      if (n instanceof DelimNode d) {
        return d;
      }
      into.add(n);
    }
  }

  private PipeNode pipeline(String context, boolean allowTwoVariables) {
    int start = peekNonSpace().pos();
    if (++depth > MAX_DEPTH) {
      throw error(start, "nesting deeper than " + MAX_DEPTH);
    }
    try {
      return pipelineBody(start, context, allowTwoVariables);
    } finally {
      depth--;
    }
  }

  private PipeNode pipelineBody(int start, String context, boolean allowTwoVariables) {
    List<String> decl = new ArrayList<>();
    boolean assign = false;
    int mark = next;
    if (peekNonSpace().kind() == Token.Kind.VARIABLE) {
      Token v = advance();
      Token after = peekNonSpace();
      if (after.kind() == Token.Kind.DECLARE || after.kind() == Token.Kind.ASSIGN) {
        advance();
        decl.add(v.text());
        assign = after.kind() == Token.Kind.ASSIGN;
      } else if (after.kind() == Token.Kind.COMMA && allowTwoVariables) {
        advance();
        Token v2 = expect(Token.Kind.VARIABLE, "range");
        Token op = advanceNonSpace();
        if (op.kind() != Token.Kind.DECLARE && op.kind() != Token.Kind.ASSIGN) {
          throw unexpected(op, "range");
        }
        decl.add(v.text());
        decl.add(v2.text());
        assign = op.kind() == Token.Kind.ASSIGN;
      } else {
        next = mark;
      }
    }
    List<String> scope = scopes.get(scopes.size() - 1);
    for (String v : decl) {
      if (assign && !scope.contains(v)) {
        throw error(start, "undefined variable \"" + v + "\"");
      }
      if (!assign) {
        scope.add(v);
      }
    }
    List<CommandNode> commands = new ArrayList<>();
    while (true) {
      Token t = peekNonSpace();
      if (t.kind() == Token.Kind.RIGHT_DELIM || t.kind() == Token.Kind.RIGHT_PAREN) {
        if (t.kind() == Token.Kind.RIGHT_DELIM) {
          advance();
        }
        if (commands.isEmpty()) {
          throw error(t.pos(), "missing value for " + context);
        }
        return new PipeNode(start, decl, assign, commands);
      }
      commands.add(command());
      Token sep = peekNonSpace();
      if (sep.kind() == Token.Kind.PIPE) {
        advance();
      } else if (sep.kind() != Token.Kind.RIGHT_DELIM && sep.kind() != Token.Kind.RIGHT_PAREN) {
        throw unexpected(sep, "operand");
      }
    }
  }

  private CommandNode command() {
    int start = peekNonSpace().pos();
    List<Node> args = new ArrayList<>();
    while (true) {
      Token t = peekNonSpace();
      if (t.kind() == Token.Kind.PIPE
          || t.kind() == Token.Kind.RIGHT_DELIM
          || t.kind() == Token.Kind.RIGHT_PAREN) {
        break;
      }
      args.add(operand());
      Token after = peek();
      if (after.kind() != Token.Kind.SPACE
          && after.kind() != Token.Kind.PIPE
          && after.kind() != Token.Kind.RIGHT_DELIM
          && after.kind() != Token.Kind.RIGHT_PAREN) {
        throw unexpected(after, "operand");
      }
    }
    if (args.isEmpty()) {
      throw error(start, "empty command");
    }
    return new CommandNode(start, args);
  }

  private Node operand() {
    Node term = term();
    List<String> fields = new ArrayList<>();
    while (peek().kind() == Token.Kind.FIELD) {
      fields.addAll(Arrays.asList(advance().text().substring(1).split("\\.")));
    }
    if (fields.isEmpty()) {
      return term;
    }
    if (term instanceof FieldNode f) {
      List<String> all = new ArrayList<>(f.names());
      all.addAll(fields);
      return new FieldNode(f.pos(), all);
    }
    if (term instanceof VariableNode v) {
      List<String> all = new ArrayList<>(v.fields());
      all.addAll(fields);
      return new VariableNode(v.pos(), v.name(), all);
    }
    if (term instanceof DotNode d) {
      throw error(d.pos(), "unexpected . after term \".\"");
    }
    return new ChainNode(term.pos(), term, fields);
  }

  private Node term() {
    Token t = advanceNonSpace();
    return switch (t.kind()) {
      case IDENTIFIER -> {
        if (!isFunction.test(t.text())) {
          throw error(t.pos(), "function \"" + t.text() + "\" not defined");
        }
        yield new IdentifierNode(t.pos(), t.text());
      }
      case DOT -> new DotNode(t.pos());
      case NIL -> new ConstantNode(t.pos(), null, "nil");
      case BOOL -> new ConstantNode(t.pos(), Boolean.parseBoolean(t.text()), t.text());
      case FIELD -> new FieldNode(t.pos(), Arrays.asList(t.text().substring(1).split("\\.")));
      case VARIABLE -> {
        if (!scopes.get(scopes.size() - 1).contains(t.text())) {
          throw error(t.pos(), "undefined variable \"" + t.text() + "\"");
        }
        yield new VariableNode(t.pos(), t.text(), List.of());
      }
      case STRING ->
          new ConstantNode(t.pos(), GoLiterals.unquote(t.text(), this, t.pos()), t.text());
      case RAW_STRING ->
          new ConstantNode(t.pos(), t.text().substring(1, t.text().length() - 1), t.text());
      case CHAR ->
          new ConstantNode(t.pos(), GoLiterals.charValue(t.text(), this, t.pos()), t.text());
      case NUMBER ->
          new ConstantNode(t.pos(), GoLiterals.number(t.text(), this, t.pos()), t.text());
      case LEFT_PAREN -> {
        PipeNode pipe = pipeline("parenthesized pipeline", false);
        expect(Token.Kind.RIGHT_PAREN, "parenthesized pipeline");
        yield pipe;
      }
      default -> throw unexpected(t, "operand");
    };
  }

  private TemplateException unexpected(Token t, String context) {
    String what =
        switch (t.kind()) {
          case EOF -> "EOF";
          case RIGHT_DELIM -> "\"}}\"";
          case RIGHT_PAREN -> "\")\"";
          default -> "\"" + t.text() + "\"";
        };
    return error(t.pos(), "unexpected " + what + " in " + context);
  }

  TemplateException error(int pos, String message) {
    return new TemplateException(
        "template: " + name + ":" + Lexer.lineOf(input, pos) + ": " + message);
  }
}

package io.icegate.query.logql.template;

import io.icegate.query.logql.template.Node.ActionNode;
import io.icegate.query.logql.template.Node.BranchNode;
import io.icegate.query.logql.template.Node.ChainNode;
import io.icegate.query.logql.template.Node.CommandNode;
import io.icegate.query.logql.template.Node.ConstantNode;
import io.icegate.query.logql.template.Node.DotNode;
import io.icegate.query.logql.template.Node.FieldNode;
import io.icegate.query.logql.template.Node.IdentifierNode;
import io.icegate.query.logql.template.Node.ListNode;
import io.icegate.query.logql.template.Node.PipeNode;
import io.icegate.query.logql.template.Node.TextNode;
import io.icegate.query.logql.template.Node.VariableNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs a parsed template (Go's {@code text/template} exec, the subset {@link Parser} builds). */
final class Executor {
  /** Output limit, so a template cannot grow memory without bound ({@code repeat 1e9 "x"}). */
  static final int MAX_OUTPUT = 1 << 20;

  private final String name;
  private final String input;
  private final Map<String, TemplateFunction> functions;
  private final TemplateContext context;
  private final StringBuilder out;
  private final List<String> varNames = new ArrayList<>();
  private final List<Object> varValues = new ArrayList<>();
  private Node current;

  Executor(
      String name,
      String input,
      Map<String, TemplateFunction> functions,
      TemplateContext context,
      StringBuilder out) {
    this.name = name;
    this.input = input;
    this.functions = functions;
    this.context = context;
    this.out = out;
  }

  void run(ListNode root) {
    push("$", context.data());
    try {
      walkList(root, context.data());
    } catch (Signal s) {
      // break/continue cannot escape a range: the parser refuses them outside one.
      throw error("unexpected " + s.getMessage());
    }
  }

  private static final class Signal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Signal(String kind) {
      super(kind, null, false, false);
    }
  }

  private void push(String var, Object value) {
    varNames.add(var);
    varValues.add(value);
  }

  private int mark() {
    return varNames.size();
  }

  private void pop(int mark) {
    while (varNames.size() > mark) {
      varNames.remove(varNames.size() - 1);
      varValues.remove(varValues.size() - 1);
    }
  }

  private Object variable(String var) {
    for (int i = varNames.size() - 1; i >= 0; i--) {
      if (varNames.get(i).equals(var)) {
        return varValues.get(i);
      }
    }
    throw error("undefined variable: " + var);
  }

  private void setVariable(String var, Object value) {
    for (int i = varNames.size() - 1; i >= 0; i--) {
      if (varNames.get(i).equals(var)) {
        varValues.set(i, value);
        return;
      }
    }
    throw error("undefined variable: " + var);
  }

  private void walkList(ListNode list, Object dot) {
    for (Node n : list.nodes()) {
      walk(n, dot);
    }
  }

  private void walk(Node node, Object dot) {
    current = node;
    if (node instanceof TextNode t) {
      write(t.text());
    } else if (node instanceof ActionNode a) {
      Object v = pipe(a.pipe(), dot);
      if (a.pipe().decl().isEmpty()) {
        write(GoValues.print(v));
      }
    } else if (node instanceof BranchNode b) {
      branch(b, dot);
    } else if (node instanceof Node.BreakNode) {
      throw new Signal("break");
    } else if (node instanceof Node.ContinueNode) {
      throw new Signal("continue");
    } else {
      throw error("unknown node " + node);
    }
  }

  private void write(String s) {
    if (out.length() + s.length() > MAX_OUTPUT) {
      throw error("output exceeds " + MAX_OUTPUT + " characters");
    }
    out.append(s);
  }

  private void branch(BranchNode b, Object dot) {
    int mark = mark();
    try {
      if (b.kind() == BranchNode.Kind.RANGE) {
        range(b, dot);
        return;
      }
      Object v = pipe(b.pipe(), dot);
      if (GoValues.isTrue(v)) {
        walkList(b.list(), b.kind() == BranchNode.Kind.WITH ? v : dot);
      } else if (b.elseList() != null) {
        walkList(b.elseList(), dot);
      }
    } finally {
      pop(mark);
    }
  }

  private void range(BranchNode b, Object dot) {
    PipeNode p = b.pipe();
    PipeNode noDecl = new PipeNode(p.pos(), List.of(), false, p.commands());
    Object v = pipe(noDecl, dot);
    List<Object[]> items = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        items.add(new Object[] {(long) i, list.get(i)});
      }
    } else if (v instanceof Map<?, ?> map) {
      new TreeMap<>(map).forEach((k, val) -> items.add(new Object[] {k, val}));
    } else if (v instanceof Long n) {
      for (long i = 0; i < n; i++) {
        items.add(new Object[] {i, i});
      }
    } else if (v != null) {
      throw error("range can't iterate over " + GoValues.print(v));
    }
    if (items.isEmpty()) {
      if (b.elseList() != null) {
        walkList(b.elseList(), dot);
      }
      return;
    }
    for (Object[] item : items) {
      int mark = mark();
      if (p.decl().size() == 1) {
        bind(p, 0, item[1]);
      } else if (p.decl().size() == 2) {
        bind(p, 0, item[0]);
        bind(p, 1, item[1]);
      }
      try {
        walkList(b.list(), item[1]);
      } catch (Signal s) {
        if (s.getMessage().equals("break")) {
          pop(mark);
          break;
        }
      }
      pop(mark);
    }
  }

  private void bind(PipeNode p, int i, Object value) {
    if (p.assign()) {
      setVariable(p.decl().get(i), value);
    } else {
      push(p.decl().get(i), value);
    }
  }

  private Object pipe(PipeNode p, Object dot) {
    Object value = null;
    boolean piped = false;
    for (CommandNode c : p.commands()) {
      value = command(c, dot, value, piped);
      piped = true;
    }
    for (String var : p.decl()) {
      if (p.assign()) {
        setVariable(var, value);
      } else {
        push(var, value);
      }
    }
    return value;
  }

  private Object command(CommandNode c, Object dot, Object final_, boolean piped) {
    Node first = c.args().get(0);
    current = first;
    if (first instanceof IdentifierNode id) {
      return call(id, c.args(), dot, final_, piped);
    }
    if (c.args().size() > 1 || piped) {
      throw error("can't give argument to non-function " + text(first));
    }
    return eval(first, dot);
  }

  private Object call(
      IdentifierNode id, List<Node> argNodes, Object dot, Object final_, boolean piped) {
    String fn = id.name();
    // and/or evaluate lazily, as Go 1.18+ does.
    if (fn.equals("and") || fn.equals("or")) {
      int n = argNodes.size() - 1 + (piped ? 1 : 0);
      if (n < 1) {
        throw error("wrong number of args for " + fn + ": want at least 1 got 0");
      }
      Object v = null;
      for (int i = 1; i <= n; i++) {
        v = i < argNodes.size() ? eval(argNodes.get(i), dot) : final_;
        boolean t = GoValues.isTrue(v);
        if (fn.equals("and") != t) {
          return v;
        }
      }
      return v;
    }
    TemplateFunction f = functions.get(fn);
    if (f == null) {
      throw error("\"" + fn + "\" is not a defined function");
    }
    Object[] args = new Object[argNodes.size() - 1 + (piped ? 1 : 0)];
    for (int i = 1; i < argNodes.size(); i++) {
      args[i - 1] = eval(argNodes.get(i), dot);
    }
    if (piped) {
      args[args.length - 1] = final_;
    }
    current = id;
    try {
      return f.call(args, context);
    } catch (TemplateException e) {
      throw error("error calling " + fn + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw error("error calling " + fn + ": " + e.getMessage());
    }
  }

  private Object eval(Node node, Object dot) {
    current = node;
    if (node instanceof ConstantNode c) {
      return c.value();
    }
    if (node instanceof DotNode) {
      return dot;
    }
    if (node instanceof FieldNode f) {
      return fields(dot, f.names(), true);
    }
    if (node instanceof VariableNode v) {
      return fields(variable(v.name()), v.fields(), false);
    }
    if (node instanceof PipeNode p) {
      return pipe(p, dot);
    }
    if (node instanceof ChainNode ch) {
      return fields(eval(ch.node(), dot), ch.fields(), false);
    }
    if (node instanceof IdentifierNode id) {
      return call(id, List.of(id), dot, null, false);
    }
    throw error("can't evaluate " + node);
  }

  private Object fields(Object receiver, List<String> names, boolean onDot) {
    Object v = receiver;
    for (String field : names) {
      if (v instanceof Map<?, ?> m) {
        if (m.containsKey(field)) {
          v = m.get(field);
        } else {
          // Loki's dot is map[string]string: a missing key is "" under missingkey=zero.
          v = onDot && m == context.data() ? "" : null;
        }
        onDot = false;
      } else if (v == null) {
        throw error("nil pointer evaluating interface {}." + field);
      } else {
        throw error("can't evaluate field " + field + " in type " + GoValues.typeName(v));
      }
    }
    return v;
  }

  private String text(Node n) {
    int start = n.pos();
    int end = start;
    while (end < input.length()
        && !Character.isWhitespace(input.charAt(end))
        && input.charAt(end) != '}'
        && input.charAt(end) != '|') {
      end++;
    }
    return input.substring(start, end);
  }

  private TemplateException error(String message) {
    String at = current == null ? "" : " at <" + text(current) + ">";
    int pos = current == null ? 0 : current.pos();
    return new TemplateException(
        "template: "
            + name
            + ":"
            + Lexer.lineOf(input, pos)
            + ":"
            + column(pos)
            + ": executing \""
            + name
            + "\""
            + at
            + ": "
            + message);
  }

  private int column(int pos) {
    int lineStart = input.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
    return pos - lineStart;
  }
}

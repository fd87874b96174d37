package io.icegate.query.logql.ast;

import io.icegate.query.logql.parse.ByteSizes;
import io.icegate.query.logql.parse.Durations;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints the canonical LogQL text of a node (in the spirit of Loki's {@code format_query}): one
 * space around binary operators and between stages, {@code ", "} between list items, strings
 * double-quoted with Go escapes, parentheses only where precedence needs them. Parsing the output
 * gives back an equal tree.
 */
public final class LogQLFormatter {
  private LogQLFormatter() {}

  /** The canonical text of any query. */
  public static String format(Expr expr) {
    StringBuilder out = new StringBuilder();
    write(out, expr);
    return out.toString();
  }

  private static void write(StringBuilder out, Expr expr) {
    if (expr instanceof LogSelector) {
      logSelector(out, (LogSelector) expr);
    } else if (expr instanceof RangeAggregation) {
      RangeAggregation agg = (RangeAggregation) expr;
      out.append(agg.op().function()).append('(');
      agg.parameter().ifPresent(p -> out.append(number(p)).append(", "));
      out.append(logRange(agg.range())).append(')');
      agg.grouping().ifPresent(g -> out.append(' ').append(grouping(g)));
    } else if (expr instanceof VectorAggregation) {
      VectorAggregation agg = (VectorAggregation) expr;
      out.append(agg.op().function());
      agg.grouping().ifPresent(g -> out.append(' ').append(grouping(g)).append(' '));
      out.append('(');
      agg.parameter().ifPresent(k -> out.append(k).append(", "));
      write(out, agg.inner());
      out.append(')');
    } else if (expr instanceof BinaryOperation) {
      binary(out, (BinaryOperation) expr);
    } else if (expr instanceof Literal) {
      out.append(number(((Literal) expr).value()));
    } else if (expr instanceof VectorLiteral) {
      out.append("vector(").append(number(((VectorLiteral) expr).value())).append(')');
    } else if (expr instanceof LabelReplaceExpr) {
      LabelReplaceExpr lr = (LabelReplaceExpr) expr;
      out.append("label_replace(");
      write(out, lr.inner());
      for (String arg : List.of(lr.destination(), lr.replacement(), lr.source(), lr.regex())) {
        out.append(", ").append(quote(arg));
      }
      out.append(')');
    } else {
      throw new IllegalArgumentException("Unknown expression: " + expr.getClass());
    }
  }

  private static void binary(StringBuilder out, BinaryOperation op) {
    int prec = op.op().precedence();
    boolean rightAssoc = op.op().isRightAssociative();
    operand(out, op.left(), rightAssoc ? prec + 1 : prec);
    out.append(' ').append(op.op().symbol());
    if (op.returnBool()) {
      out.append(" bool");
    }
    op.matching().ifPresent(m -> vectorMatching(out, m));
    out.append(' ');
    operand(out, op.right(), rightAssoc ? prec : prec + 1);
  }

  /** Writes a binary operand, in parentheses when it binds looser than {@code minPrecedence}. */
  private static void operand(StringBuilder out, SampleExpr expr, int minPrecedence) {
    boolean parens =
        expr instanceof BinaryOperation
            && ((BinaryOperation) expr).op().precedence() < minPrecedence;
    if (parens) {
      out.append('(');
    }
    write(out, expr);
    if (parens) {
      out.append(')');
    }
  }

  private static void vectorMatching(StringBuilder out, VectorMatchingExpr m) {
    out.append(m.on() ? " on" : " ignoring").append(" (").append(labels(m.labels())).append(')');
    switch (m.cardinality()) {
      case MANY_TO_ONE:
        out.append(" group_left (").append(labels(m.include())).append(')');
        break;
      case ONE_TO_MANY:
        out.append(" group_right (").append(labels(m.include())).append(')');
        break;
      default:
        break;
    }
  }

  private static void logSelector(StringBuilder out, LogSelector selector) {
    out.append('{');
    out.append(
        selector.matchers().stream()
            .map(LogQLFormatter::matcher)
            .collect(Collectors.joining(", ")));
    out.append('}');
    for (PipelineStage stage : selector.pipeline()) {
      out.append(' ').append(stage(stage));
    }
  }

  /** {@code {...} | stages [unwrap][range] offset d}. */
  public static String logRange(LogRange range) {
    StringBuilder out = new StringBuilder();
    logSelector(out, range.selector());
    range.unwrap().ifPresent(u -> out.append(' ').append(unwrap(u)));
    out.append('[').append(Durations.format(range.range())).append(']');
    if (!range.offset().isZero()) {
      out.append(" offset ").append(Durations.format(range.offset()));
    }
    return out.toString();
  }

  /** {@code | unwrap conv(label) | post filters}. */
  public static String unwrap(Unwrap unwrap) {
    StringBuilder out = new StringBuilder("| unwrap ");
    if (unwrap.conversion() == UnwrapConversion.NONE) {
      out.append(unwrap.label());
    } else {
      out.append(unwrap.conversion().function()).append('(').append(unwrap.label()).append(')');
    }
    for (LabelFilterExpr filter : unwrap.postFilters()) {
      out.append(" | ").append(labelFilter(filter));
    }
    return out.toString();
  }

  /** One pipeline stage, starting with its operator ({@code |=} or {@code |}). */
  public static String stage(PipelineStage stage) {
    if (stage instanceof LineFilterExpr) {
      LineFilterExpr f = (LineFilterExpr) stage;
      return f.op().symbol()
          + " "
          + f.values().stream().map(LogQLFormatter::lineValue).collect(Collectors.joining(" or "));
    }
    if (stage instanceof JsonParser) {
      return "| json" + extractions(((JsonParser) stage).extractions());
    }
    if (stage instanceof LogfmtParser) {
      LogfmtParser p = (LogfmtParser) stage;
      return "| logfmt"
          + (p.strict() ? " --strict" : "")
          + (p.keepEmpty() ? " --keep-empty" : "")
          + extractions(p.extractions());
    }
    if (stage instanceof RegexpParser) {
      return "| regexp " + quote(((RegexpParser) stage).regex());
    }
    if (stage instanceof PatternParser) {
      return "| pattern " + quote(((PatternParser) stage).pattern());
    }
    if (stage instanceof UnpackParser) {
      return "| unpack";
    }
    if (stage instanceof LabelFilterStage) {
      return "| " + labelFilter(((LabelFilterStage) stage).filter());
    }
    if (stage instanceof LineFormat) {
      return "| line_format " + quote(((LineFormat) stage).template());
    }
    if (stage instanceof LabelFormatExpr) {
      return "| label_format "
          + ((LabelFormatExpr) stage)
              .ops().stream()
                  .map(o -> o.target() + "=" + (o.template() ? quote(o.value()) : o.value()))
                  .collect(Collectors.joining(", "));
    }
    if (stage instanceof DropLabels) {
      return "| drop " + terms(((DropLabels) stage).terms());
    }
    if (stage instanceof KeepLabels) {
      return "| keep " + terms(((KeepLabels) stage).terms());
    }
    if (stage instanceof Decolorize) {
      return "| decolorize";
    }
    throw new IllegalArgumentException("Unknown stage: " + stage.getClass());
  }

  /** A label filter; {@code and} binds tighter than {@code or}, both left-associative. */
  public static String labelFilter(LabelFilterExpr filter) {
    if (filter instanceof StringLabelFilterExpr) {
      return matcher(((StringLabelFilterExpr) filter).matcher());
    }
    if (filter instanceof IpLabelFilter) {
      IpLabelFilter f = (IpLabelFilter) filter;
      return f.label() + (f.negated() ? " != " : " = ") + "ip(" + quote(f.pattern()) + ")";
    }
    if (filter instanceof NumericLabelFilter) {
      NumericLabelFilter f = (NumericLabelFilter) filter;
      return f.label() + " " + f.op().symbol() + " " + number(f.value());
    }
    if (filter instanceof DurationLabelFilter) {
      DurationLabelFilter f = (DurationLabelFilter) filter;
      return f.label() + " " + f.op().symbol() + " " + Durations.format(f.value());
    }
    if (filter instanceof BytesLabelFilter) {
      BytesLabelFilter f = (BytesLabelFilter) filter;
      return f.label() + " " + f.op().symbol() + " " + ByteSizes.format(f.bytes());
    }
    if (filter instanceof AndLabelFilter) {
      AndLabelFilter f = (AndLabelFilter) filter;
      // Loki's comma makes an `and` with everything after it, so a right-nested `and` prints
      // with a comma; its left side then needs parentheses if it is itself a combination.
      boolean comma = isCombination(f.right());
      String left = labelFilter(f.left());
      if (f.left() instanceof OrLabelFilter
          || isOpen(f.left())
          || (comma && isCombination(f.left()))) {
        left = "(" + left + ")";
      }
      return left + (comma ? ", " : " and ") + labelFilter(f.right());
    }
    if (filter instanceof OrLabelFilter) {
      OrLabelFilter f = (OrLabelFilter) filter;
      String left = labelFilter(f.left());
      if (isOpen(f.left())) {
        left = "(" + left + ")";
      }
      String right = labelFilter(f.right());
      if (f.right() instanceof OrLabelFilter) {
        right = "(" + right + ")";
      }
      return left + " or " + right;
    }
    throw new IllegalArgumentException("Unknown label filter: " + filter.getClass());
  }

  private static boolean isCombination(LabelFilterExpr f) {
    return f instanceof AndLabelFilter || f instanceof OrLabelFilter;
  }

  /** Whether the printed filter ends in a comma form, which would swallow what follows it. */
  private static boolean isOpen(LabelFilterExpr f) {
    if (f instanceof AndLabelFilter) {
      AndLabelFilter and = (AndLabelFilter) f;
      return isCombination(and.right()) || isOpen(and.right());
    }
    if (f instanceof OrLabelFilter) {
      OrLabelFilter or = (OrLabelFilter) f;
      return !(or.right() instanceof OrLabelFilter) && isOpen(or.right());
    }
    return false;
  }

  /** {@code name op "value"}. */
  public static String matcher(Matcher m) {
    return m.name() + m.op().symbol() + quote(m.value());
  }

  /** {@code by (a, b)} or {@code without (a, b)}. */
  public static String grouping(GroupingExpr g) {
    return (g.without() ? "without" : "by") + " (" + labels(g.labels()) + ")";
  }

  private static String labels(List<String> labels) {
    return String.join(", ", labels);
  }

  private static String lineValue(LineFilterValue v) {
    return v.ip() ? "ip(" + quote(v.value()) + ")" : quote(v.value());
  }

  private static String extractions(List<LabelExtraction> extractions) {
    if (extractions.isEmpty()) {
      return "";
    }
    return " "
        + extractions.stream()
            .map(e -> e.label() + "=" + quote(e.expression()))
            .collect(Collectors.joining(", "));
  }

  private static String terms(List<LabelTerm> terms) {
    return terms.stream()
        .map(t -> t.matcher().map(LogQLFormatter::matcher).orElse(t.name()))
        .collect(Collectors.joining(", "));
  }

  /** A number as LogQL reads it back exactly: integers without a fraction, else Java's digits. */
  public static String number(double value) {
    if (value == 0 && 1 / value < 0) {
      return "-0";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  /** A double-quoted string with Go escapes ({@code strconv.Quote}). */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\r':
          out.append("\\r");
          break;
        case 0x07:
          out.append("\\a");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case 0x0b:
          out.append("\\v");
          break;
        default:
          if (cp < 0x20 || cp == 0x7f) {
            out.append(String.format("\\x%02x", cp));
          } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
            out.append(String.format("\\u%04x", cp));
          } else {
            out.appendCodePoint(cp);
          }
      }
    }
    return out.append('"').toString();
  }
}

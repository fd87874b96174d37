package io.icegate.query.logql.pipeline;

import io.icegate.query.logql.ast.AndLabelFilter;
import io.icegate.query.logql.ast.Decolorize;
import io.icegate.query.logql.ast.DropLabels;
import io.icegate.query.logql.ast.JsonParser;
import io.icegate.query.logql.ast.KeepLabels;
import io.icegate.query.logql.ast.LabelExtraction;
import io.icegate.query.logql.ast.LabelFilterStage;
import io.icegate.query.logql.ast.LabelFormatOp;
import io.icegate.query.logql.ast.LabelTerm;
import io.icegate.query.logql.ast.LineFilterOp;
import io.icegate.query.logql.ast.LineFilterValue;
import io.icegate.query.logql.ast.LineFormat;
import io.icegate.query.logql.ast.LogfmtParser;
import io.icegate.query.logql.ast.Matcher;
import io.icegate.query.logql.ast.OrLabelFilter;
import io.icegate.query.logql.ast.PatternParser;
import io.icegate.query.logql.ast.PipelineStage;
import io.icegate.query.logql.ast.RegexpParser;
import io.icegate.query.logql.ast.UnpackParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the parser's pipeline stages ({@code io.icegate.query.logql.ast}) into runnable {@link
 * Stage}s. Compiles regexes, patterns and templates once; a stage the parser accepted but that
 * cannot be built (an unsupported regex construct, a template error) throws {@link
 * IllegalArgumentException} with a message fit for a 400 answer.
 */
public final class PipelineCompiler {
  private PipelineCompiler() {}

  /** A new pipeline for the stages; call once per thread that runs it. */
  public static Pipeline compile(List<PipelineStage> stages) {
    List<Stage> out = new ArrayList<>(stages.size());
    for (PipelineStage stage : stages) {
      out.add(stage(stage));
    }
    return new Pipeline(out);
  }

  static Stage stage(PipelineStage stage) {
    if (stage instanceof io.icegate.query.logql.ast.LineFilterExpr f) {
      return lineFilter(f);
    }
    if (stage instanceof JsonParser j) {
      return j.extractions().isEmpty()
          ? new JsonParserStage()
          : new JsonExpressionParserStage(extractions(j.extractions()));
    }
    if (stage instanceof LogfmtParser l) {
      return new LogfmtParserStage(l.strict(), l.keepEmpty(), extractions(l.extractions()));
    }
    if (stage instanceof RegexpParser r) {
      return new RegexpParserStage(r.regex());
    }
    if (stage instanceof PatternParser p) {
      return new PatternParserStage(p.pattern());
    }
    if (stage instanceof UnpackParser) {
      return new UnpackParserStage();
    }
    if (stage instanceof LabelFilterStage l) {
      return labelFilter(l.filter());
    }
    if (stage instanceof LineFormat l) {
      return new LineFormatStage(l.template());
    }
    if (stage instanceof io.icegate.query.logql.ast.LabelFormatExpr l) {
      List<LabelFormat> formats = new ArrayList<>();
      for (LabelFormatOp op : l.ops()) {
        formats.add(
            op.template()
                ? LabelFormat.template(op.target(), op.value())
                : LabelFormat.rename(op.target(), op.value()));
      }
      return new LabelFormatStage(formats);
    }
    if (stage instanceof DropLabels d) {
      return new DropLabelsStage(terms(d.terms()));
    }
    if (stage instanceof KeepLabels k) {
      return new KeepLabelsStage(terms(k.terms()));
    }
    if (stage instanceof Decolorize) {
      return new DecolorizeStage();
    }
    throw new IllegalArgumentException("Cannot compile pipeline stage: " + stage);
  }

  /** One filter per alternative, joined by {@code or}; a negated operator negates the union. */
  static LineFilter lineFilter(io.icegate.query.logql.ast.LineFilterExpr f) {
    List<LineFilter> alternatives = new ArrayList<>();
    for (LineFilterValue v : f.values()) {
      alternatives.add(alternative(f.op(), v));
    }
    LineFilter any = LineFilter.anyOf(alternatives);
    return f.op().isNegated() ? any.negate() : any;
  }

  private static LineFilter alternative(LineFilterOp op, LineFilterValue v) {
    if (v.ip()) {
      return new IpLineFilter(v.value());
    }
    return switch (op) {
      case CONTAINS, NOT_CONTAINS -> new ContainsLineFilter(v.value());
      case MATCH, NOT_MATCH -> new RegexLineFilter(v.value());
      case PATTERN, NOT_PATTERN -> new PatternLineFilter(v.value());
    };
  }

  static LabelFilter labelFilter(io.icegate.query.logql.ast.LabelFilterExpr f) {
    if (f instanceof AndLabelFilter a) {
      return new BinaryLabelFilter(true, labelFilter(a.left()), labelFilter(a.right()));
    }
    if (f instanceof OrLabelFilter o) {
      return new BinaryLabelFilter(false, labelFilter(o.left()), labelFilter(o.right()));
    }
    if (f instanceof io.icegate.query.logql.ast.StringLabelFilterExpr s) {
      Matcher m = s.matcher();
      return new StringLabelFilter(m.name(), matcher(m));
    }
    if (f instanceof io.icegate.query.logql.ast.NumericLabelFilter n) {
      return ComparisonLabelFilter.numeric(n.label(), ComparisonOp.of(n.op().symbol()), n.value());
    }
    if (f instanceof io.icegate.query.logql.ast.DurationLabelFilter d) {
      return ComparisonLabelFilter.duration(
          d.label(), ComparisonOp.of(d.op().symbol()), d.value().toNanos());
    }
    if (f instanceof io.icegate.query.logql.ast.BytesLabelFilter b) {
      return ComparisonLabelFilter.bytes(b.label(), ComparisonOp.of(b.op().symbol()), b.bytes());
    }
    if (f instanceof io.icegate.query.logql.ast.IpLabelFilter ip) {
      return ComparisonLabelFilter.ip(ip.label(), !ip.negated(), ip.pattern());
    }
    throw new IllegalArgumentException("Cannot compile label filter: " + f);
  }

  private static StringMatcher matcher(Matcher m) {
    StringMatcher.Type type =
        switch (m.op()) {
          case EQ -> StringMatcher.Type.EQ;
          case NEQ -> StringMatcher.Type.NEQ;
          case RE -> StringMatcher.Type.RE;
          case NRE -> StringMatcher.Type.NRE;
        };
    return new StringMatcher(type, m.value());
  }

  private static List<NamedMatcher> terms(List<LabelTerm> terms) {
    List<NamedMatcher> out = new ArrayList<>();
    for (LabelTerm t : terms) {
      out.add(
          t.matcher().isPresent()
              ? new NamedMatcher(t.name(), java.util.Optional.of(matcher(t.matcher().get())))
              : NamedMatcher.name(t.name()));
    }
    return out;
  }

  private static Map<String, String> extractions(List<LabelExtraction> extractions) {
    Map<String, String> out = new LinkedHashMap<>();
    for (LabelExtraction e : extractions) {
      out.put(e.label(), e.expression());
    }
    return out;
  }
}

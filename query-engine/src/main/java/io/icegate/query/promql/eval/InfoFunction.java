package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.ast.Matcher;
import io.icegate.query.promql.eval.Value.Sample;
import io.icegate.query.promql.eval.Value.Vector;
import io.icegate.query.promql.eval.Value.Window;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code info(v [, {selector}])}: adds the data labels of info series ({@code target_info} by
 * default) that share {@code instance} and {@code job} with each sample, as Prometheus' info.go.
 */
final class InfoFunction {
  private static final List<String> IDENTIFYING = List.of("instance", "job");

  private InfoFunction() {}

  static Value eval(Evaluator ev, Expr.Call c, long t) {
    List<Sample> base = FunctionEval.vectorArg(ev, c.args().get(0), t);
    Map<String, List<Matcher>> dataMatchers = new LinkedHashMap<>();
    List<Matcher> nameMatchers = new ArrayList<>();
    if (c.args().size() > 1) {
      Expr sel = RangeFunctions.unwrap(c.args().get(1));
      if (sel instanceof Expr.VectorSelector vs) {
        for (Matcher m : vs.matchers()) {
          dataMatchers.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
          if (m.name().equals(Labels.METRIC_NAME)) {
            nameMatchers.add(m);
          }
        }
      }
    } else {
      nameMatchers.add(Matcher.of(Labels.METRIC_NAME, Matcher.Type.EQ, "target_info"));
    }
    List<Matcher> effective = effectiveNameMatchers(nameMatchers);
    Set<Labels> ignore = new java.util.HashSet<>();
    Map<String, Set<String>> idValues = new LinkedHashMap<>();
    for (Sample s : base) {
      String name = s.labels().get(Labels.METRIC_NAME);
      if (effective.stream().allMatch(m -> m.matches(name))) {
        ignore.add(s.labels());
        continue;
      }
      for (String l : IDENTIFYING) {
        String v = s.labels().get(l);
        if (!v.isEmpty()) {
          idValues.computeIfAbsent(l, k -> new TreeSet<>()).add(v);
        }
      }
    }
    List<Matcher> infoSelectors = new ArrayList<>();
    idValues.forEach(
        (l, vals) -> {
          StringBuilder re = new StringBuilder();
          for (String v : vals) {
            if (re.length() > 0) {
              re.append('|');
            }
            re.append(Pattern.quote(v));
          }
          infoSelectors.add(Matcher.of(l, Matcher.Type.RE, re.toString()));
        });
    List<Matcher> dataNameMatchers = new ArrayList<>();
    dataMatchers.forEach(
        (name, ms) -> {
          for (Matcher m : ms) {
            if (name.equals(Labels.METRIC_NAME)) {
              dataNameMatchers.add(m);
            } else {
              infoSelectors.add(m);
            }
          }
        });
    dataMatchers.remove(Labels.METRIC_NAME);
    List<Window> infos = List.of();
    if (!idValues.isEmpty()) {
      infoSelectors.addAll(effectiveNameMatchers(dataNameMatchers));
      List<Expr.Subquery> path = new ArrayList<>();
      Expr.VectorSelector first = firstSelector(c.args().get(0), path);
      long offset = first == null ? 0 : first.offsetMs();
      Expr.AtKind at = first == null ? Expr.AtKind.NONE : first.at();
      long atMs = first == null ? 0 : first.atMs();
      // Without its own @, the selector takes the time of the innermost subquery that has one,
      // adding up the offsets on the way (infoSelectTimestampAndOffset).
      for (int i = path.size() - 1; at == Expr.AtKind.NONE && i >= 0; i--) {
        offset += path.get(i).offsetMs();
        at = path.get(i).at();
        atMs = path.get(i).atMs();
      }
      Expr.VectorSelector infoSel =
          new Expr.VectorSelector(null, infoSelectors, offset, at, atMs, 0, 0);
      infos = ev.instantSelectWithTimes(infoSel, t).series();
    }
    // Latest info series per (name, identifying labels).
    Map<String, Window> bySig = new HashMap<>();
    Set<String> infoNames = new LinkedHashSet<>();
    for (Window w : infos) {
      if (w.h(0) != null) {
        throw new PromqlEvalException("info sample should be float");
      }
      String name = w.labels().get(Labels.METRIC_NAME);
      infoNames.add(name);
      String sig = signature(name, w.labels());
      Window existing = bySig.get(sig);
      if (existing == null || existing.timestamps()[0] < w.timestamps()[0]) {
        bySig.put(sig, w);
      } else if (existing.timestamps()[0] == w.timestamps()[0]) {
        throw new PromqlEvalException(
            "found duplicate series for info metric: existing "
                + existing.labels()
                + " @ "
                + existing.timestamps()[0]
                + ", new "
                + w.labels()
                + " @ "
                + w.timestamps()[0]);
      }
    }
    List<Sample> out = new ArrayList<>();
    for (Sample bs : base) {
      if (ignore.contains(bs.labels())) {
        out.add(bs);
        continue;
      }
      Map<String, String> add = new LinkedHashMap<>();
      boolean seen = false;
      for (String infoName : infoNames) {
        Window is = bySig.get(signature(infoName, bs.labels()));
        if (is == null) {
          continue;
        }
        seen = true;
        Labels il = is.labels();
        for (int i = 0; i < il.size(); i++) {
          String n = il.name(i);
          if (n.equals(Labels.METRIC_NAME)) {
            continue;
          }
          if (!dataMatchers.isEmpty() && !dataMatchers.containsKey(n)) {
            continue;
          }
          String have = add.get(n);
          if (have != null && !have.equals(il.value(i))) {
            throw new PromqlEvalException("conflicting label: " + n);
          }
          if (bs.labels().has(n)) {
            continue;
          }
          add.put(n, il.value(i));
        }
      }
      if (!seen) {
        boolean allMatchEmpty =
            dataMatchers.values().stream().flatMap(List::stream).allMatch(Matcher::matchesEmpty);
        if (!allMatchEmpty) {
          continue;
        }
      }
      Labels l = bs.labels();
      for (Map.Entry<String, String> e : add.entrySet()) {
        l = l.with(e.getKey(), e.getValue());
      }
      out.add(bs.withLabels(l, bs.dropName()));
    }
    return new Vector(out);
  }

  private static String signature(String name, Labels l) {
    StringBuilder sb = new StringBuilder(name);
    for (String id : IDENTIFYING) {
      String v = l.get(id);
      if (!v.isEmpty()) {
        sb.append('\u0000').append(id).append('=').append(v);
      }
    }
    return sb.toString();
  }

  private static List<Matcher> effectiveNameMatchers(List<Matcher> matchers) {
    for (Matcher m : matchers) {
      if (m.type() == Matcher.Type.EQ || m.type() == Matcher.Type.RE) {
        return matchers;
      }
    }
    if (!matchers.isEmpty()) {
      List<Matcher> out = new ArrayList<>();
      out.add(Matcher.of(Labels.METRIC_NAME, Matcher.Type.RE, ".+_info"));
      out.addAll(matchers);
      return out;
    }
    return List.of(Matcher.of(Labels.METRIC_NAME, Matcher.Type.EQ, "target_info"));
  }

  private static Expr.VectorSelector firstSelector(Expr e, List<Expr.Subquery> path) {
    if (e instanceof Expr.VectorSelector vs) {
      return vs;
    }
    if (e instanceof Expr.MatrixSelector m) {
      return m.selector();
    }
    List<Expr> kids = new ArrayList<>();
    if (e instanceof Expr.Binary b) {
      kids.add(b.lhs());
      kids.add(b.rhs());
    } else if (e instanceof Expr.Unary u) {
      kids.add(u.expr());
    } else if (e instanceof Expr.Paren p) {
      kids.add(p.expr());
    } else if (e instanceof Expr.Aggregate a) {
      if (a.param() != null) {
        kids.add(a.param());
      }
      kids.add(a.expr());
    } else if (e instanceof Expr.Call c) {
      kids.addAll(c.args());
    } else if (e instanceof Expr.Subquery s) {
      path.add(s);
      Expr.VectorSelector vs = firstSelector(s.expr(), path);
      if (vs == null) {
        path.remove(path.size() - 1);
      }
      return vs;
    }
    for (Expr k : kids) {
      Expr.VectorSelector vs = firstSelector(k, path);
      if (vs != null) {
        return vs;
      }
    }
    return null;
  }
}

package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.parse.PromqlParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The warnings and infos a query collects, each once, worded and positioned as Prometheus prints
 * them ({@code util/annotations}): {@code PromQL warning: ... (1:8)}.
 */
public final class Annotations {
  private final String query;
  private final Set<String> warnings = new LinkedHashSet<>();
  private final Set<String> infos = new LinkedHashSet<>();

  public Annotations(String query) {
    this.query = query;
  }

  public void warn(String text, Expr at) {
    warnings.add("PromQL warning: " + text + position(at));
  }

  public void info(String text, Expr at) {
    infos.add("PromQL info: " + text + position(at));
  }

  private String position(Expr at) {
    return at == null ? "" : " (" + PromqlParseException.positionText(query, at.pos()) + ")";
  }

  public List<String> warnings() {
    return new ArrayList<>(warnings);
  }

  public List<String> infos() {
    return new ArrayList<>(infos);
  }
}

package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code | unwrap [conv(]label[)] | post filters}: the sample value of each line comes from a
 * label. Post filters (label filters only) run after the conversion, so they can drop lines whose
 * conversion failed ({@code | __error__=""}).
 */
public record Unwrap(String label, UnwrapConversion conversion, List<LabelFilterExpr> postFilters) {
  public Unwrap {
    requireNonNull(label, "label is null");
    requireNonNull(conversion, "conversion is null");
    postFilters = List.copyOf(requireNonNull(postFilters, "postFilters is null"));
  }

  @Override
  public String toString() {
    return LogQLFormatter.unwrap(this);
  }
}

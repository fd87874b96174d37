package io.icegate.query.logql.ast;

/**
 * A label filter predicate: leaves compare one label, {@link AndLabelFilter} and {@link
 * OrLabelFilter} combine them. Loki's precedence: {@code and} binds tighter than {@code or}; a
 * comma or plain juxtaposition is an {@code and} whose right side is everything that follows.
 */
public sealed interface LabelFilterExpr
    permits StringLabelFilterExpr,
        IpLabelFilter,
        NumericLabelFilter,
        DurationLabelFilter,
        BytesLabelFilter,
        AndLabelFilter,
        OrLabelFilter {}

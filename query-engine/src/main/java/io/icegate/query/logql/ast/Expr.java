package io.icegate.query.logql.ast;

/**
 * A parsed LogQL query: a log query ({@link LogSelector}) or a metric query ({@link SampleExpr}).
 */
public sealed interface Expr permits LogSelector, SampleExpr {}

package io.icegate.query.logql.ast;

/** A metric query: evaluates to a vector of samples (per step for range queries). */
public sealed interface SampleExpr extends Expr
    permits RangeAggregation,
        VectorAggregation,
        BinaryOperation,
        Literal,
        VectorLiteral,
        LabelReplaceExpr {}

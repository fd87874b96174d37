/**
 * The LogQL abstract syntax tree: immutable records behind sealed interfaces.
 *
 * <p>{@link io.icegate.query.logql.ast.Expr} is either a {@link
 * io.icegate.query.logql.ast.LogSelector} (a log query) or a {@link
 * io.icegate.query.logql.ast.SampleExpr} (a metric query). Every node's {@code toString()} is the
 * canonical LogQL text of the node ({@link io.icegate.query.logql.ast.LogQLFormatter}), so parsing
 * what a node prints gives back an equal node.
 */
package io.icegate.query.logql.ast;

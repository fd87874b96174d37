/**
 * The LogQL parser: {@link io.icegate.query.logql.parse.LogQL#parse(String)} turns query text into
 * the immutable tree of {@code io.icegate.query.logql.ast}, or throws {@link
 * io.icegate.query.logql.parse.LogQLParseException} with Loki's wording and the position. Also the
 * duration and byte-size syntaxes LogQL uses ({@link io.icegate.query.logql.parse.Durations},
 * {@link io.icegate.query.logql.parse.ByteSizes}).
 */
package io.icegate.query.logql.parse;

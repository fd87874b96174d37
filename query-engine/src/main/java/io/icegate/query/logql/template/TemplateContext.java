package io.icegate.query.logql.template;

import java.util.Map;

/**
 * What one execution sees: dot (the entry's labels), the original line for {@code __line__} and the
 * entry's time for {@code __timestamp__}.
 *
 * @param data dot; Loki passes the labels as {@code map[string]string}
 * @param line the line before this stage
 * @param timestampNanos the entry's time, nanoseconds since the epoch
 */
public record TemplateContext(Map<String, String> data, String line, long timestampNanos) {}

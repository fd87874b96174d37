package io.icegate.query.logql.pipeline;

/**
 * Where a label of a log entry comes from. Grafana's {@code categorize-labels} response encoding
 * needs the three kinds apart. When one name exists in several, parsed wins over structured
 * metadata, which wins over stream labels (Loki 3's precedence).
 */
public enum LabelCategory {
  STREAM,
  STRUCTURED_METADATA,
  PARSED
}

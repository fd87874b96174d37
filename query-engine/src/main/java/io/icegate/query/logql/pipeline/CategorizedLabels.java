package io.icegate.query.logql.pipeline;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The labels of a processed log entry by category, each sorted by name. {@link #all()} is the label
 * set Loki groups streams by; the parts feed the {@code categorize-labels} encoding.
 */
public record CategorizedLabels(
    SortedMap<String, String> stream,
    SortedMap<String, String> structuredMetadata,
    SortedMap<String, String> parsed) {
  public CategorizedLabels {
    stream = Collections.unmodifiableSortedMap(new TreeMap<>(stream));
    structuredMetadata = Collections.unmodifiableSortedMap(new TreeMap<>(structuredMetadata));
    parsed = Collections.unmodifiableSortedMap(new TreeMap<>(parsed));
  }

  /** Every label; the three parts never share a name. */
  public SortedMap<String, String> all() {
    SortedMap<String, String> all = new TreeMap<>(stream);
    all.putAll(structuredMetadata);
    all.putAll(parsed);
    return Collections.unmodifiableSortedMap(all);
  }
}

package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The labels of the log entry a pipeline is processing, kept by category (Loki 3's {@code
 * LabelsBuilder}). One builder is reused for every entry: {@link #reset} clears the per-entry state
 * but keeps the arrays, so a pipeline over millions of lines allocates only the strings it
 * extracts.
 *
 * <p>Rules, as in Loki: a parsed label hides a structured metadata label and a stream label of the
 * same name; structured metadata hides a stream label; a structured metadata name that is also a
 * stream label gets the suffix {@code _extracted}. {@code __error__} and {@code __error_details__}
 * are held apart and reported as parsed labels. Within one entry, the first parser to extract a
 * name wins: later parsers skip names already parsed ({@link #alreadyParsed}).
 */
public final class LabelsBuilder {
  public static final String ERROR_LABEL = "__error__";
  public static final String ERROR_DETAILS_LABEL = "__error_details__";
  static final String DUPLICATE_SUFFIX = "_extracted";

  private LabelSet base = LabelSet.EMPTY;
  private final LabelList stream = new LabelList();
  private final LabelList metadata = new LabelList();
  private final LabelList parsed = new LabelList();
  private final List<String> deleted = new ArrayList<>();
  private String error = "";
  private String errorDetails = "";

  /** Starts a new entry of a stream; structured metadata may be empty. */
  public LabelsBuilder reset(LabelSet streamLabels, Map<String, String> structuredMetadata) {
    this.base = requireNonNull(streamLabels, "streamLabels is null");
    stream.clear();
    metadata.clear();
    parsed.clear();
    deleted.clear();
    error = "";
    errorDetails = "";
    structuredMetadata.forEach(this::addStructuredMetadata);
    return this;
  }

  private void addStructuredMetadata(String name, String value) {
    String key = base.has(name) ? name + DUPLICATE_SUFFIX : name;
    if (ERROR_LABEL.equals(key)) {
      error = value;
    } else if (ERROR_DETAILS_LABEL.equals(key)) {
      errorDetails = value;
    } else {
      set(LabelCategory.STRUCTURED_METADATA, key, value);
    }
  }

  /** Whether the stream labels the entry started with have this name (deletions ignored). */
  public boolean baseHas(String name) {
    return base.has(name);
  }

  /** Whether an earlier stage of this entry already set this name as a parsed label. */
  public boolean alreadyParsed(String name) {
    return parsed.contains(name);
  }

  /**
   * The current value of a label, or null when absent. A stream label with an empty value counts as
   * absent, as in Prometheus. Error labels are not seen here: use {@link #error()}.
   */
  public String get(String name) {
    String v = parsed.get(name);
    if (v != null) {
      return v;
    }
    v = metadata.get(name);
    if (v != null) {
      return v;
    }
    v = stream.get(name);
    if (v != null) {
      return v;
    }
    if (deleted.contains(name)) {
      return null;
    }
    v = base.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  /** The category a present label currently has; null when absent. */
  public LabelCategory category(String name) {
    if (parsed.contains(name)) {
      return LabelCategory.PARSED;
    }
    if (metadata.contains(name)) {
      return LabelCategory.STRUCTURED_METADATA;
    }
    return get(name) != null ? LabelCategory.STREAM : null;
  }

  /** Sets a label with Loki's precedence Parsed > Structured Metadata > Stream. */
  public LabelsBuilder set(LabelCategory category, String name, String value) {
    requireNonNull(value, "value is null");
    switch (category) {
      case PARSED -> {
        metadata.remove(name);
        stream.remove(name);
        parsed.set(name, value);
      }
      case STRUCTURED_METADATA -> {
        stream.remove(name);
        if (!parsed.contains(name)) {
          metadata.set(name, value);
        }
      }
      case STREAM -> {
        if (!parsed.contains(name) && !metadata.contains(name)) {
          stream.set(name, value);
        }
      }
    }
    // A deleted stream label set again is visible again.
    deleted.remove(name);
    return this;
  }

  public LabelsBuilder setParsed(String name, String value) {
    return set(LabelCategory.PARSED, name, value);
  }

  /** Deletes a label of any category. */
  public LabelsBuilder delete(String name) {
    parsed.remove(name);
    metadata.remove(name);
    stream.remove(name);
    if (!deleted.contains(name)) {
      deleted.add(name);
    }
    return this;
  }

  public String error() {
    return error;
  }

  public boolean hasError() {
    return !error.isEmpty();
  }

  public String errorDetails() {
    return errorDetails;
  }

  public LabelsBuilder setError(String error) {
    this.error = requireNonNull(error, "error is null");
    return this;
  }

  public LabelsBuilder setError(String error, String details) {
    this.error = requireNonNull(error, "error is null");
    this.errorDetails = requireNonNull(details, "details is null");
    return this;
  }

  public LabelsBuilder setErrorDetails(String details) {
    this.errorDetails = requireNonNull(details, "details is null");
    return this;
  }

  /**
   * Visits every current label once with its category: stream labels (minus deleted and hidden
   * ones), structured metadata, parsed labels, then the error labels as parsed ones.
   */
  public void forEach(CategorizedConsumer action) {
    for (int i = 0; i < base.size(); i++) {
      String name = base.name(i);
      if (deleted.contains(name) || metadata.contains(name) || parsed.contains(name)) {
        continue;
      }
      String override = stream.get(name);
      String value = override != null ? override : base.value(i);
      action.accept(LabelCategory.STREAM, name, value);
    }
    for (int i = 0; i < stream.size(); i++) {
      // Stream labels a stage added that the base lacks (label_format keeps a renamed category).
      if (!base.has(stream.name(i))) {
        action.accept(LabelCategory.STREAM, stream.name(i), stream.value(i));
      }
    }
    for (int i = 0; i < metadata.size(); i++) {
      action.accept(LabelCategory.STRUCTURED_METADATA, metadata.name(i), metadata.value(i));
    }
    for (int i = 0; i < parsed.size(); i++) {
      action.accept(LabelCategory.PARSED, parsed.name(i), parsed.value(i));
    }
    if (!error.isEmpty()) {
      action.accept(LabelCategory.PARSED, ERROR_LABEL, error);
    }
    if (!errorDetails.isEmpty()) {
      action.accept(LabelCategory.PARSED, ERROR_DETAILS_LABEL, errorDetails);
    }
  }

  /** Puts every current label (errors included) into a map, as templates see them. */
  public void intoMap(Map<String, String> target) {
    forEach((category, name, value) -> target.put(name, value));
  }

  /** Visits names and values only. */
  public void forEach(BiConsumer<String, String> action) {
    forEach((category, name, value) -> action.accept(name, value));
  }

  /** A snapshot of the current labels by category. */
  public CategorizedLabels labels() {
    SortedMap<String, String> s = new TreeMap<>();
    SortedMap<String, String> m = new TreeMap<>();
    SortedMap<String, String> p = new TreeMap<>();
    forEach(
        (category, name, value) -> {
          switch (category) {
            case STREAM -> s.put(name, value);
            case STRUCTURED_METADATA -> m.put(name, value);
            case PARSED -> p.put(name, value);
          }
        });
    return new CategorizedLabels(s, m, p);
  }

  /** Receives a label with its category. */
  @FunctionalInterface
  public interface CategorizedConsumer {
    void accept(LabelCategory category, String name, String value);
  }
}

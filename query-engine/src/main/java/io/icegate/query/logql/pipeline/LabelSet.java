package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * An immutable set of labels sorted by name, the stream labels a {@link LabelsBuilder} starts from.
 * Built once per stream, so lookups are a binary search without allocation.
 */
public final class LabelSet {
  public static final LabelSet EMPTY = new LabelSet(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;

  private LabelSet(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  public static LabelSet of(Map<String, String> labels) {
    requireNonNull(labels, "labels is null");
    SortedMap<String, String> sorted = new TreeMap<>(labels);
    String[] names = sorted.keySet().toArray(new String[0]);
    String[] values = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      values[i] = requireNonNull(sorted.get(names[i]), "label value is null");
    }
    return new LabelSet(names, values);
  }

  /** Labels from alternating names and values: {@code of("job", "a", "env", "prod")}. */
  public static LabelSet of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Invalid labels: odd number of names and values");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return of(map);
  }

  public int size() {
    return names.length;
  }

  public String name(int index) {
    return names[index];
  }

  public String value(int index) {
    return values[index];
  }

  /** The value of a label, or null when the set has no such label. */
  public String get(String name) {
    int i = Arrays.binarySearch(names, name);
    return i >= 0 ? values[i] : null;
  }

  public boolean has(String name) {
    return Arrays.binarySearch(names, name) >= 0;
  }

  public void forEach(BiConsumer<String, String> action) {
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], values[i]);
    }
  }

  public SortedMap<String, String> toMap() {
    SortedMap<String, String> map = new TreeMap<>();
    forEach(map::put);
    return Collections.unmodifiableSortedMap(map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelSet other
        && Arrays.equals(names, other.names)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(names[i]).append("=\"").append(values[i]).append('"');
    }
    return sb.append('}').toString();
  }
}

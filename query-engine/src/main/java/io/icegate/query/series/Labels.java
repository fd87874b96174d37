package io.icegate.query.series;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable label set sorted by name, as Prometheus and Loki keep series identities. Absent and
 * empty are the same thing ({@link #get} answers {@code ""}), and a label set never holds an empty
 * value. The hash is computed once, so label sets are cheap map keys for vector matching and
 * grouping.
 */
public final class Labels implements Comparable<Labels> {
  /** The label Prometheus keeps the metric name in. */
  public static final String METRIC_NAME = "__name__";

  public static final Labels EMPTY = new Labels(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;
  private final int hash;

  private Labels(String[] names, String[] values) {
    this.names = names;
    this.values = values;
    this.hash = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
  }

  /** Labels from name/value pairs: {@code Labels.of("app", "api", "env", "prod")}. */
  public static Labels of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Invalid labels: odd number of names and values");
    }
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return of(map);
  }

  /** Labels from a map; empty values are left out. */
  public static Labels of(Map<String, String> map) {
    TreeMap<String, String> sorted = new TreeMap<>();
    map.forEach(
        (name, value) -> {
          requireNonNull(name, "label name is null");
          requireNonNull(value, "label value is null");
          if (!value.isEmpty()) {
            sorted.put(name, value);
          }
        });
    if (sorted.isEmpty()) {
      return EMPTY;
    }
    String[] n = new String[sorted.size()];
    String[] v = new String[sorted.size()];
    int i = 0;
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      n[i] = e.getKey();
      v[i++] = e.getValue();
    }
    return new Labels(n, v);
  }

  public int size() {
    return names.length;
  }

  public boolean isEmpty() {
    return names.length == 0;
  }

  public String name(int index) {
    return names[index];
  }

  public String value(int index) {
    return values[index];
  }

  /** The value of a label, {@code ""} when absent (Prometheus' convention). */
  public String get(String name) {
    int i = Arrays.binarySearch(names, name);
    return i >= 0 ? values[i] : "";
  }

  public boolean has(String name) {
    return Arrays.binarySearch(names, name) >= 0;
  }

  /** Only the labels named (the {@code on (...)} and {@code by (...)} projection). */
  public Labels keep(Collection<String> keep) {
    return filter(keep, true);
  }

  /** All labels but the named ones (the {@code ignoring (...)} and {@code without (...)} one). */
  public Labels drop(Collection<String> drop) {
    return filter(drop, false);
  }

  private Labels filter(Collection<String> set, boolean keep) {
    int count = 0;
    boolean[] take = new boolean[names.length];
    for (int i = 0; i < names.length; i++) {
      take[i] = set.contains(names[i]) == keep;
      if (take[i]) {
        count++;
      }
    }
    if (count == names.length) {
      return this;
    }
    if (count == 0) {
      return EMPTY;
    }
    String[] n = new String[count];
    String[] v = new String[count];
    int j = 0;
    for (int i = 0; i < names.length; i++) {
      if (take[i]) {
        n[j] = names[i];
        v[j++] = values[i];
      }
    }
    return new Labels(n, v);
  }

  /** These labels with one set; an empty value removes it. */
  public Labels with(String name, String value) {
    requireNonNull(name, "label name is null");
    requireNonNull(value, "label value is null");
    int i = Arrays.binarySearch(names, name);
    if (value.isEmpty()) {
      return i < 0 ? this : without(name);
    }
    if (i >= 0) {
      if (values[i].equals(value)) {
        return this;
      }
      String[] v = values.clone();
      v[i] = value;
      return new Labels(names, v);
    }
    int at = -i - 1;
    String[] n = new String[names.length + 1];
    String[] v = new String[names.length + 1];
    System.arraycopy(names, 0, n, 0, at);
    System.arraycopy(values, 0, v, 0, at);
    n[at] = name;
    v[at] = value;
    System.arraycopy(names, at, n, at + 1, names.length - at);
    System.arraycopy(values, at, v, at + 1, names.length - at);
    return new Labels(n, v);
  }

  /** These labels without one. */
  public Labels without(String name) {
    int i = Arrays.binarySearch(names, name);
    if (i < 0) {
      return this;
    }
    if (names.length == 1) {
      return EMPTY;
    }
    String[] n = new String[names.length - 1];
    String[] v = new String[names.length - 1];
    System.arraycopy(names, 0, n, 0, i);
    System.arraycopy(values, 0, v, 0, i);
    System.arraycopy(names, i + 1, n, i, names.length - i - 1);
    System.arraycopy(values, i + 1, v, i, names.length - i - 1);
    return new Labels(n, v);
  }

  /** The labels as an ordered map (sorted by name). */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      map.put(names[i], values[i]);
    }
    return map;
  }

  /** Prometheus' order ({@code labels.Compare}): label by label, name then value; prefix first. */
  @Override
  public int compareTo(Labels other) {
    int n = Math.min(names.length, other.names.length);
    for (int i = 0; i < n; i++) {
      int c = names[i].compareTo(other.names[i]);
      if (c != 0) {
        return c;
      }
      c = values[i].compareTo(other.values[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(names.length, other.names.length);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof Labels other
        && hash == other.hash
        && Arrays.equals(names, other.names)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Prometheus' text form: {@code {app="api", env="prod"}}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(names[i]).append("=\"");
      String v = values[i];
      for (int j = 0; j < v.length(); j++) {
        char c = v.charAt(j);
        switch (c) {
          case '\\' -> sb.append("\\\\");
          case '"' -> sb.append("\\\"");
          case '\n' -> sb.append("\\n");
          default -> sb.append(c);
        }
      }
      sb.append('"');
    }
    return sb.append('}').toString();
  }
}

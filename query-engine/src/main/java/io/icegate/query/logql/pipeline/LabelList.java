package io.icegate.query.logql.pipeline;

import java.util.Arrays;

/**
 * A small growable list of name/value pairs searched linearly: log entries carry a few dozen labels
 * at most, and the arrays are kept across entries so a pipeline allocates nothing here.
 */
final class LabelList {
  private String[] names = new String[8];
  private String[] values = new String[8];
  private int size;

  int size() {
    return size;
  }

  String name(int i) {
    return names[i];
  }

  String value(int i) {
    return values[i];
  }

  int indexOf(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  String get(String name) {
    int i = indexOf(name);
    return i >= 0 ? values[i] : null;
  }

  boolean contains(String name) {
    return indexOf(name) >= 0;
  }

  /** Overrides the value of an existing name, or appends the pair. */
  void set(String name, String value) {
    int i = indexOf(name);
    if (i >= 0) {
      values[i] = value;
      return;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size] = value;
    size++;
  }

  void remove(String name) {
    int i = indexOf(name);
    if (i < 0) {
      return;
    }
    System.arraycopy(names, i + 1, names, i, size - i - 1);
    System.arraycopy(values, i + 1, values, i, size - i - 1);
    size--;
    names[size] = null;
    values[size] = null;
  }

  void clear() {
    Arrays.fill(names, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
  }
}

package io.icegate.query.series;

/** How the two sides of a vector/vector operation match. */
public enum Cardinality {
  ONE_TO_ONE,
  /** {@code group_left}: many samples on the left match one on the right. */
  MANY_TO_ONE,
  /** {@code group_right}: one sample on the left matches many on the right. */
  ONE_TO_MANY,
  /** The set operators {@code and}, {@code or}, {@code unless}. */
  MANY_TO_MANY
}

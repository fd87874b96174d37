package io.icegate.query.promql.ast;

/** The four value types of PromQL, named as Prometheus names them in its errors. */
public enum ValueType {
  SCALAR("scalar"),
  VECTOR("instant vector"),
  MATRIX("range vector"),
  STRING("string");

  private final String text;

  ValueType(String text) {
    this.text = text;
  }

  @Override
  public String toString() {
    return text;
  }
}

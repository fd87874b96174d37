package io.icegate.query.logql.ast;

/** {@code | unpack}: unpacks a line packed by Promtail's pack stage (JSON with {@code _entry}). */
public record UnpackParser() implements LabelParser {
  @Override
  public String toString() {
    return LogQLFormatter.stage(this);
  }
}

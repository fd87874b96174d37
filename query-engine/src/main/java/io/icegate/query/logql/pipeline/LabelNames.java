package io.icegate.query.logql.pipeline;

/** Label name rules shared by the parsers. */
public final class LabelNames {
  private LabelNames() {}

  /** Whether a name is a valid Prometheus label name ({@code [a-zA-Z_][a-zA-Z0-9_]*}). */
  public static boolean isValid(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          c == '_'
              || (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Loki's {@code sanitizeLabelKey}: trims spaces, replaces every character (code point) outside
   * {@code [a-zA-Z0-9_]} by {@code _} and, for a name's first part, prefixes a leading digit with
   * {@code _}. Returns "" for a blank key.
   */
  public static String sanitize(String key, boolean isPrefix) {
    String k = key.strip();
    if (k.isEmpty()) {
      return k;
    }
    StringBuilder sb = new StringBuilder(k.length() + 1);
    appendSanitized(sb, k, isPrefix);
    return sb.toString();
  }

  /** Appends a sanitized key part; a leading digit gets {@code _} when {@code first}. */
  static void appendSanitized(StringBuilder sb, String key, boolean first) {
    String k = key.strip();
    if (k.isEmpty()) {
      return;
    }
    if (first && k.charAt(0) >= '0' && k.charAt(0) <= '9') {
      sb.append('_');
    }
    k.codePoints()
        .forEach(
            c -> {
              boolean ok =
                  c == '_'
                      || (c >= 'a' && c <= 'z')
                      || (c >= 'A' && c <= 'Z')
                      || (c >= '0' && c <= '9');
              sb.append(ok ? (char) c : '_');
            });
  }

  /** The name a parser sets for an extracted key: {@code _extracted} if a stream label has it. */
  static String parsedName(LabelsBuilder labels, String sanitized) {
    return labels.baseHas(sanitized) ? sanitized + LabelsBuilder.DUPLICATE_SUFFIX : sanitized;
  }

  /** Sets a parsed label unless an earlier parser of this entry already extracted the name. */
  static void setExtracted(LabelsBuilder labels, String name, String value) {
    if (!labels.alreadyParsed(name)) {
      labels.setParsed(name, value);
    }
  }

  /** Prometheus rejects label values carrying U+FFFD; Loki stores them empty. */
  static String cleanValue(String value) {
    return value.indexOf('\uFFFD') >= 0 ? "" : value;
  }
}

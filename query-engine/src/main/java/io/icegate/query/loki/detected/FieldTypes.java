package io.icegate.query.loki.detected;

import java.util.regex.Pattern;

/**
 * The type Loki's {@code detected_fields} gives a value, tried in Loki's order: {@code int} (Go's
 * {@code strconv.ParseInt}), {@code float} ({@code ParseFloat}), {@code boolean} ({@code
 * ParseBool}), {@code duration} ({@code time.ParseDuration}), {@code bytes} ({@code
 * humanize.ParseBytes}), else {@code string}.
 */
final class FieldTypes {
  private static final Pattern INT = Pattern.compile("[+-]?\\d+");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?|[nN][aA][nN])");
  private static final Pattern BOOL =
      Pattern.compile("1|t|T|TRUE|true|True|0|f|F|FALSE|false|False");
  private static final Pattern DURATION =
      Pattern.compile("[+-]?(?:0|(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:ns|us|µs|μs|ms|s|m|h))+)");
  private static final Pattern BYTES =
      Pattern.compile(
          "(?:\\d+\\.?\\d*|\\.\\d+) ?(?i:b|kb|kib|mb|mib|gb|gib|tb|tib|pb|pib|eb|eib|k|m|g|t|p|e|ki|mi|gi|ti|pi|ei)?");

  private FieldTypes() {}

  static String of(String value) {
    if (INT.matcher(value).matches() && fitsLong(value)) {
      return "int";
    } else if (FLOAT.matcher(value).matches()) {
      return "float";
    } else if (BOOL.matcher(value).matches()) {
      return "boolean";
    } else if (DURATION.matcher(value).matches()) {
      return "duration";
    } else if (BYTES.matcher(value).matches()) {
      return "bytes";
    }
    return "string";
  }

  private static boolean fitsLong(String value) {
    try {
      Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

package io.icegate.query.loki;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.util.JsonUtil;

/**
 * {@code detected_level} as Loki 3's distributor derives it ({@code field_detection.go}): a level
 * label (stream first, then structured metadata, e.g. {@code severity_text}), else the OTLP
 * severity number, else a {@code level}-like field of a JSON or logfmt line, else keywords in the
 * line.
 */
final class LevelDetector {
  private static final List<String> LEVEL_FIELDS =
      List.of(
          "level",
          "LEVEL",
          "Level",
          "log.level",
          "severity",
          "SEVERITY",
          "Severity",
          "SeverityText",
          "lvl",
          "LVL",
          "Lvl",
          "severity_text",
          "Severity_Text",
          "SEVERITY_TEXT");

  private static final List<String> KNOWN =
      List.of("trace", "debug", "info", "warn", "error", "critical", "fatal");

  private LevelDetector() {}

  static String detect(Map<String, String> stream, Map<String, String> metadata, String line) {
    for (Map<String, String> labels : List.of(stream, metadata)) {
      for (String field : LEVEL_FIELDS) {
        String value = labels.get(field);
        if (value != null) {
          return normalize(value);
        }
      }
    }
    String number = metadata.get("severity_number");
    if (number != null) {
      return fromSeverityNumber(Integer.parseInt(number));
    }
    return fromLine(line);
  }

  static String fromSeverityNumber(int number) {
    if (number <= 0) {
      return "unknown";
    } else if (number <= 4) {
      return "trace";
    } else if (number <= 8) {
      return "debug";
    } else if (number <= 12) {
      return "info";
    } else if (number <= 16) {
      return "warn";
    } else if (number <= 20) {
      return "error";
    } else if (number <= 24) {
      return "fatal";
    }
    return "unknown";
  }

  /** A known level name in Loki's spelling, any other value as it is. */
  static String normalize(String level) {
    return switch (level.toLowerCase(Locale.ROOT)) {
      case "trace", "trc" -> "trace";
      case "debug", "dbg" -> "debug";
      case "info", "inf", "information" -> "info";
      case "warn", "wrn", "warning" -> "warn";
      case "error", "err" -> "error";
      case "critical" -> "critical";
      case "fatal" -> "fatal";
      default -> level;
    };
  }

  private static String fromLine(String line) {
    String trimmed = line.strip();
    String field = null;
    if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
      field = jsonLevel(trimmed);
    } else if (line.indexOf('=') >= 0) {
      field = logfmtLevel(line);
    } else {
      return keywordLevel(line);
    }
    if (field != null) {
      String level = normalize(field);
      if (KNOWN.contains(level)) {
        return level;
      }
    }
    return keywordLevel(line);
  }

  private static String jsonLevel(String line) {
    try {
      JsonNode node = JsonUtil.mapper().readTree(line);
      return node == null ? null : jsonLevel(node, 0);
    } catch (IOException e) {
      return null;
    }
  }

  private static String jsonLevel(JsonNode node, int depth) {
    if (depth > 32) {
      return null;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getValue().isTextual() && LEVEL_FIELDS.contains(field.getKey())) {
        return field.getValue().asText();
      } else if (field.getValue().isObject()) {
        String nested = jsonLevel(field.getValue(), depth + 1);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  private static String logfmtLevel(String line) {
    String best = null;
    int bestRank = LEVEL_FIELDS.size();
    for (String pair : line.split("\\s+")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = pair.substring(0, eq);
      for (int rank = 0; rank < bestRank; rank++) {
        if (LEVEL_FIELDS.get(rank).equalsIgnoreCase(key)) {
          String value = pair.substring(eq + 1);
          best =
              value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
                  ? value.substring(1, value.length() - 1)
                  : value;
          bestRank = rank;
          break;
        }
      }
    }
    return best;
  }

  private static String keywordLevel(String line) {
    if (containsAny(line, "info:", "INFO:", "[info]", "[INFO]", "info", "INFO")) {
      return "info";
    } else if (containsAny(line, "err:", "ERR:", "[err]", "[ERR]", "[error]", "[ERROR]")) {
      return "error";
    } else if (containsAny(
        line,
        "warn:",
        "WARN:",
        "[warn]",
        "[WARN]",
        "[warning]",
        "[WARNING]",
        "warning",
        "WARNING")) {
      return "warn";
    } else if (containsAny(line, "critical:", "CRITICAL:", "[critical]", "[CRITICAL]")) {
      return "critical";
    } else if (containsAny(line, "debug:", "DEBUG:", "[debug]", "[DEBUG]", "debug", "DEBUG")) {
      return "debug";
    }
    return "unknown";
  }

  private static boolean containsAny(String line, String... needles) {
    for (String needle : needles) {
      if (line.contains(needle)) {
        return true;
      }
    }
    return false;
  }
}

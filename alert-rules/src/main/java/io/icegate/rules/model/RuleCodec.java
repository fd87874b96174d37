package io.icegate.rules.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads and writes rule groups and rule files in YAML and JSON, strictly as Prometheus does ({@code
 * KnownFields(true)}): an unknown or repeated key, a second YAML document or trailing text is an
 * error naming the key and its line and column, never silently dropped.
 */
public final class RuleCodec {
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** The syntax of a body. */
  public enum Syntax {
    YAML,
    JSON
  }

  private RuleCodec() {}

  /** Parses one rule group ({@code name}, {@code rules}...). */
  public static RuleGroup parseGroup(byte[] body, Syntax syntax) {
    return parse(body, syntax, RuleGroup.class, "rule group");
  }

  /** Parses a rule file ({@code groups: [...]}). */
  public static RuleFile parseFile(byte[] body, Syntax syntax) {
    return parse(body, syntax, RuleFile.class, "rule file");
  }

  /** YAML as Grafana, lokitool and mimirtool read it. */
  public static byte[] yaml(Object value) {
    return write(YAML, value);
  }

  public static byte[] json(Object value) {
    return write(JSON, value);
  }

  /** The shared JSON mapper (for stored records and API answers). */
  public static ObjectMapper jsonMapper() {
    return JSON;
  }

  private static byte[] write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static <T> T parse(byte[] body, Syntax syntax, Class<T> type, String what) {
    if (body == null || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      throw new InvalidRuleException("Cannot parse " + what + ": the body is empty");
    }
    ObjectMapper mapper = syntax == Syntax.YAML ? YAML : JSON;
    try {
      T value = mapper.readValue(body, type);
      if (value == null) {
        throw new InvalidRuleException("Cannot parse " + what + ": the body is empty");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      // Records are built through their creators, so Jackson only sees an unknown key once the
      // whole mapping is read: its location is the mapping's end. The path is exact.
      String known =
          e.getKnownPropertyIds().stream()
              .map(String::valueOf)
              .sorted()
              .collect(Collectors.joining(", "));
      throw new InvalidRuleException(
          "Cannot parse "
              + what
              + ": field '"
              + RuleNames.printable(e.getPropertyName())
              + "' not found in "
              + describe(e.getReferringClass())
              + " (at "
              + path(e)
              + "; known fields: "
              + known
              + ")");
    } catch (MismatchedInputException e) {
      throw new InvalidRuleException(
          "Cannot parse " + what + ": " + firstLine(e.getOriginalMessage()) + at(e.getLocation()),
          position(e.getLocation()));
    } catch (JsonProcessingException e) {
      throw new InvalidRuleException(
          "Cannot parse "
              + what
              + ": malformed "
              + syntax.name()
              + ": "
              + firstLine(e.getOriginalMessage())
              + at(e.getLocation()),
          position(e.getLocation()));
    } catch (IOException e) {
      throw new InvalidRuleException("Cannot parse " + what + ": " + firstLine(e.getMessage()));
    }
  }

  private static String path(JsonProcessingException e) {
    StringBuilder path = new StringBuilder();
    if (e instanceof MismatchedInputException mismatch) {
      for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : mismatch.getPath()) {
        if (ref.getFieldName() != null) {
          path.append(path.length() == 0 ? "" : ".")
              .append(RuleNames.printable(ref.getFieldName()));
        } else if (ref.getIndex() >= 0) {
          path.append('[').append(ref.getIndex()).append(']');
        }
      }
    }
    return path.toString();
  }

  private static String describe(Class<?> type) {
    if (type == Rule.class) {
      return "a rule";
    }
    return type == RuleGroup.class ? "a rule group" : "the rule file";
  }

  private static String at(JsonLocation location) {
    return position(location)
        .map(p -> " at line " + p.line() + ", column " + p.column())
        .orElse("");
  }

  private static Optional<InvalidRuleException.Position> position(JsonLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new InvalidRuleException.Position(
            location.getLineNr(), Math.max(1, location.getColumnNr())));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid input";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return RuleNames.printable(line.length() > 300 ? line.substring(0, 300) : line);
  }
}

package io.icegate.query.logql.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * {@code | json} without parameters: every string, number and boolean of the line's JSON object
 * becomes a parsed label. Nested objects flatten with {@code _} ({@code {"a":{"b":1}}} gives {@code
 * a_b}), arrays and nulls are skipped, names are sanitized, a name a stream label has gets {@code
 * _extracted}. A line that is not a JSON object sets {@code __error__=JSONParserErr} and {@code
 * __error_details__}; labels extracted before the error stay, as in Loki.
 */
public final class JsonParserStage implements Stage {
  static final JsonFactory FACTORY = new JsonFactory();

  private final StringBuilder prefix = new StringBuilder(64);

  @Override
  public String process(long timestampNanos, String line, LabelsBuilder labels) {
    prefix.setLength(0);
    try (JsonParser parser = FACTORY.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        labels.setError(PipelineErrors.JSON_PARSER, "expecting json object, but it is not");
        return line;
      }
      readObject(parser, labels);
    } catch (JsonProcessingException e) {
      labels.setError(PipelineErrors.JSON_PARSER, e.getOriginalMessage());
    } catch (IOException e) {
      labels.setError(PipelineErrors.JSON_PARSER, String.valueOf(e.getMessage()));
    }
    return line;
  }

  private void readObject(JsonParser parser, LabelsBuilder labels) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonToken value = parser.nextToken();
      int mark = prefix.length();
      switch (value) {
        case START_OBJECT -> {
          if (mark > 0) {
            prefix.append('_');
          }
          LabelNames.appendSanitized(prefix, key, mark == 0);
          readObject(parser, labels);
        }
        case START_ARRAY -> parser.skipChildren();
        case VALUE_STRING -> set(labels, key, LabelNames.cleanValue(parser.getText()));
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> set(labels, key, parser.getText());
        case VALUE_TRUE -> set(labels, key, "true");
        case VALUE_FALSE -> set(labels, key, "false");
        default -> {
          // null: Loki skips it.
        }
      }
      prefix.setLength(mark);
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IOException("Malformed object");
    }
  }

  private void set(LabelsBuilder labels, String key, String value) {
    String name;
    if (prefix.length() == 0) {
      name = LabelNames.sanitize(key, true);
    } else {
      int mark = prefix.length();
      prefix.append('_');
      LabelNames.appendSanitized(prefix, key, false);
      name = prefix.toString();
      prefix.setLength(mark);
    }
    if (name.isEmpty()) {
      return;
    }
    LabelNames.setExtracted(labels, LabelNames.parsedName(labels, name), value);
  }
}

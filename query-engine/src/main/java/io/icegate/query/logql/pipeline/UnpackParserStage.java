package io.icegate.query.logql.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * {@code | unpack}: the line is a JSON object of strings written by Promtail's {@code pack} stage;
 * each key becomes a parsed label and the special key {@code _entry} replaces the line. Values that
 * are not strings are skipped; a line that is not such an object sets {@code
 * __error__=JSONParserErr}.
 */
public final class UnpackParserStage implements Stage {
  public static final String ENTRY_KEY = "_entry";

  @Override
  public String process(long timestampNanos, String line, LabelsBuilder labels) {
    if (line.isEmpty()) {
      return line;
    }
    String entry = line;
    try (JsonParser parser = JsonParserStage.FACTORY.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        labels.setError(PipelineErrors.JSON_PARSER, "expecting json object, but it is not");
        return line;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value != JsonToken.VALUE_STRING) {
          parser.skipChildren();
          continue;
        }
        if (ENTRY_KEY.equals(key)) {
          entry = parser.getText();
          continue;
        }
        String name = LabelNames.sanitize(key, true);
        if (!name.isEmpty()) {
          LabelNames.setExtracted(
              labels, LabelNames.parsedName(labels, name), LabelNames.cleanValue(parser.getText()));
        }
      }
    } catch (JsonProcessingException e) {
      labels.setError(PipelineErrors.JSON_PARSER, e.getOriginalMessage());
      return line;
    } catch (IOException e) {
      labels.setError(PipelineErrors.JSON_PARSER, String.valueOf(e.getMessage()));
      return line;
    }
    return entry;
  }
}

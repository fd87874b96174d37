package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code | json name="path", …}: extracts only the given paths. A string gives its (unescaped)
 * text, a number or boolean its literal, an object or array its JSON text, null and a missing path
 * give "". One pass over the line serves all paths.
 */
public final class JsonExpressionParserStage implements Stage {
  private final String[] ids;
  private final JsonPath[] paths;
  private final String[] found;

  /** Label name to JSON expression, in the query's order. */
  public JsonExpressionParserStage(Map<String, String> expressions) {
    requireNonNull(expressions, "expressions is null");
    if (expressions.isEmpty()) {
      throw new IllegalArgumentException("no json expression provided");
    }
    Map<String, String> copy = new LinkedHashMap<>(expressions);
    ids = copy.keySet().toArray(new String[0]);
    paths = new JsonPath[ids.length];
    found = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      if (!LabelNames.isValid(ids[i])) {
        throw new IllegalArgumentException("invalid extracted label name '" + ids[i] + "'");
      }
      paths[i] = JsonPath.parse(copy.get(ids[i]));
    }
  }

  public List<String> ids() {
    return List.of(ids);
  }

  @Override
  public String process(long timestampNanos, String line, LabelsBuilder labels) {
    if (line.isEmpty()) {
      return line;
    }
    char first = line.charAt(0);
    if (first != '{' && first != '[' && first != '"') {
      labels.setError(PipelineErrors.JSON_PARSER);
      return line;
    }
    java.util.Arrays.fill(found, null);
    try (JsonParser parser = JsonParserStage.FACTORY.createParser(line)) {
      parser.nextToken();
      walk(parser, line, 0, allPaths());
    } catch (JsonProcessingException e) {
      labels.setError(PipelineErrors.JSON_PARSER, e.getOriginalMessage());
    } catch (IOException e) {
      labels.setError(PipelineErrors.JSON_PARSER, String.valueOf(e.getMessage()));
    }
    for (int i = 0; i < ids.length; i++) {
      String name = LabelNames.parsedName(labels, ids[i]);
      if (found[i] != null) {
        labels.setParsed(name, found[i]);
      } else if (labels.get(ids[i]) == null) {
        labels.setParsed(ids[i], "");
      }
    }
    return line;
  }

  private boolean[] allPaths() {
    boolean[] all = new boolean[ids.length];
    java.util.Arrays.fill(all, true);
    return all;
  }

  /** The parser is on a value token; candidates are the paths whose first depth steps led here. */
  private void walk(JsonParser parser, String line, int depth, boolean[] candidates)
      throws IOException {
    JsonToken token = parser.currentToken();
    boolean ending = false;
    boolean deeper = false;
    for (int i = 0; i < ids.length; i++) {
      if (candidates[i]) {
        if (paths[i].steps().size() == depth) {
          ending = true;
        } else {
          deeper = true;
        }
      }
    }
    boolean container = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
    if (!container) {
      if (ending) {
        record(candidates, depth, valueText(parser, token));
      }
      return;
    }
    int start = (int) parser.currentTokenLocation().getCharOffset();
    if (!deeper) {
      parser.skipChildren();
    } else if (token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        parser.nextToken();
        walk(parser, line, depth + 1, narrow(candidates, depth, key));
      }
    } else {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        walk(parser, line, depth + 1, narrow(candidates, depth, index++));
      }
    }
    if (ending) {
      int end = (int) parser.currentLocation().getCharOffset();
      record(candidates, depth, line.substring(start, end));
    }
  }

  private void record(boolean[] candidates, int depth, String value) {
    for (int i = 0; i < ids.length; i++) {
      if (candidates[i] && found[i] == null && paths[i].steps().size() == depth) {
        found[i] = value;
      }
    }
  }

  private boolean[] narrow(boolean[] candidates, int depth, Object step) {
    boolean[] next = new boolean[ids.length];
    for (int i = 0; i < ids.length; i++) {
      List<Object> steps = paths[i].steps();
      next[i] =
          candidates[i]
              && found[i] == null
              && steps.size() > depth
              && steps.get(depth).equals(step);
    }
    return next;
  }

  private static String valueText(JsonParser parser, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return "";
    }
    if (token == JsonToken.VALUE_STRING) {
      return LabelNames.cleanValue(parser.getText());
    }
    return parser.getText();
  }
}

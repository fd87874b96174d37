package io.icegate.query.http.loki;

import com.fasterxml.jackson.core.JsonGenerator;
import io.icegate.query.logql.metric.MetricResult;
import io.icegate.query.series.Labels;
import io.icegate.query.series.Point;
import io.icegate.query.series.Sample;
import io.icegate.query.series.SampleValues;
import io.icegate.query.series.Series;
import java.io.IOException;

/**
 * Writes a {@link MetricResult} as Loki's {@code data} does ({@code pkg/util/marshal/query.go}):
 * {@code "resultType"} and {@code "result"}, each point as {@code [<seconds>, "<value>"]} with the
 * seconds a JSON number and the value Go's shortest float text.
 */
public final class MetricJson {
  private MetricJson() {}

  /** Writes the {@code resultType} and {@code result} fields into the object being written. */
  public static void writeFields(MetricResult result, JsonGenerator json) throws IOException {
    if (result instanceof MetricResult.Matrix matrix) {
      json.writeStringField("resultType", "matrix");
      json.writeArrayFieldStart("result");
      for (Series series : matrix.series()) {
        json.writeStartObject();
        json.writeFieldName("metric");
        writeLabels(series.labels(), json);
        json.writeArrayFieldStart("values");
        for (Point p : series.points()) {
          writePoint(p.timestampMs(), p.value(), json);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
    } else if (result instanceof MetricResult.Vector vector) {
      json.writeStringField("resultType", "vector");
      json.writeArrayFieldStart("result");
      for (Sample s : vector.samples()) {
        json.writeStartObject();
        json.writeFieldName("metric");
        writeLabels(s.labels(), json);
        json.writeFieldName("value");
        writePoint(vector.timestampMs(), s.value(), json);
        json.writeEndObject();
      }
      json.writeEndArray();
    } else {
      MetricResult.Scalar scalar = (MetricResult.Scalar) result;
      json.writeStringField("resultType", "scalar");
      json.writeFieldName("result");
      writePoint(scalar.timestampMs(), scalar.value(), json);
    }
  }

  private static void writeLabels(Labels labels, JsonGenerator json) throws IOException {
    json.writeStartObject();
    for (int i = 0; i < labels.size(); i++) {
      json.writeStringField(labels.name(i), labels.value(i));
    }
    json.writeEndObject();
  }

  private static void writePoint(long timestampMs, double value, JsonGenerator json)
      throws IOException {
    json.writeStartArray();
    json.writeNumber(SampleValues.formatTimestamp(timestampMs));
    json.writeString(SampleValues.format(value));
    json.writeEndArray();
  }
}

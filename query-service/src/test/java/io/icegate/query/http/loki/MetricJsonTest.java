package io.icegate.query.http.loki;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.icegate.query.logql.metric.MetricResult;
import io.icegate.query.series.Labels;
import io.icegate.query.series.Point;
import io.icegate.query.series.Sample;
import io.icegate.query.series.Series;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three result shapes, byte for byte as Loki's marshaller writes them. */
class MetricJsonTest {
  private static String write(MetricResult result) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.writeStartObject();
      MetricJson.writeFields(result, json);
      json.writeEndObject();
    }
    return out.toString();
  }

  @Test
  void matrix() throws IOException {
    MetricResult matrix =
        new MetricResult.Matrix(
            List.of(
                new Series(
                    Labels.of("app", "a\"b", "env", "prod"),
                    List.of(
                        new Point(1_700_000_000_000L, 2),
                        new Point(1_700_000_060_500L, 1.0 / 60),
                        new Point(1_700_000_120_000L, Double.POSITIVE_INFINITY),
                        new Point(1_700_000_180_000L, Double.NaN)))));
    assertThat(write(matrix))
        .isEqualTo(
            "{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"app\":\"a\\\"b\",\"env\":\"prod\"},"
                + "\"values\":[[1700000000,\"2\"],[1700000060.5,\"0.016666666666666666\"],"
                + "[1700000120,\"+Inf\"],[1700000180,\"NaN\"]]}]}");
  }

  @Test
  void vectorAndScalar() throws IOException {
    assertThat(
            write(
                new MetricResult.Vector(4_000_000_000_000L, List.of(new Sample(Labels.EMPTY, 2)))))
        .isEqualTo(
            "{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[4000000000,\"2\"]}]}");
    assertThat(write(new MetricResult.Scalar(1_700_000_000_123L, -0.5)))
        .isEqualTo("{\"resultType\":\"scalar\",\"result\":[1700000000.123,\"-0.5\"]}");
    assertThat(write(new MetricResult.Matrix(List.of())))
        .isEqualTo("{\"resultType\":\"matrix\",\"result\":[]}");
  }
}

package io.icegate.query.logql.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-entry label model: categories, precedence, reuse across entries. */
class LabelsBuilderTest {
  private final LabelSet stream = LabelSet.of("job", "api", "env", "prod");

  @Test
  void keepsCategoriesApartWithLokisPrecedence() {
    LabelsBuilder b = new LabelsBuilder().reset(stream, Map.of("trace_id", "t1", "job", "sm"));
    // Structured metadata named like a stream label gets the _extracted suffix.
    assertThat(b.labels().structuredMetadata())
        .containsExactly(entry("job_extracted", "sm"), entry("trace_id", "t1"));
    b.setParsed("trace_id", "parsed");
    b.setParsed("env", "dev");
    CategorizedLabels labels = b.labels();
    assertThat(labels.stream()).containsExactly(entry("job", "api"));
    assertThat(labels.structuredMetadata()).containsExactly(entry("job_extracted", "sm"));
    assertThat(labels.parsed()).containsExactly(entry("env", "dev"), entry("trace_id", "parsed"));
    assertThat(b.get("env")).isEqualTo("dev");
    assertThat(b.baseHas("env")).isTrue();
    // Structured metadata never overrides a parsed label.
    b.set(LabelCategory.STRUCTURED_METADATA, "env", "x");
    assertThat(b.get("env")).isEqualTo("dev");
  }

  @Test
  void deletesAndErrorsAndReuse() {
    LabelsBuilder b = new LabelsBuilder().reset(stream, Map.of());
    b.delete("env").setError("JSONParserErr", "details");
    assertThat(b.get("env")).isNull();
    assertThat(b.labels().all())
        .containsExactly(
            entry("__error__", "JSONParserErr"),
            entry("__error_details__", "details"),
            entry("job", "api"));
    b.reset(stream, Map.of("k", "v"));
    assertThat(b.labels().all())
        .containsExactly(entry("env", "prod"), entry("job", "api"), entry("k", "v"));
    assertThat(b.hasError()).isFalse();
  }

  @Test
  void emptyStreamValuesCountAsAbsent() {
    LabelsBuilder b = new LabelsBuilder().reset(LabelSet.of("a", ""), Map.of());
    assertThat(b.get("a")).isNull();
  }

  @Test
  void growsBeyondItsInitialCapacity() {
    LabelsBuilder b = new LabelsBuilder().reset(LabelSet.EMPTY, Map.of());
    for (int i = 0; i < 100; i++) {
      b.setParsed("l" + i, Integer.toString(i));
    }
    assertThat(b.labels().parsed()).hasSize(100).containsEntry("l99", "99");
  }
}

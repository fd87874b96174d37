package io.icegate.query.loki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Loki 3's OTLP mapping (pkg/loghttp/push/otlp.go), row by row. */
class LabelMappingTest {
  private final LabelMapping mapping = LabelMapping.defaults();

  private static LogRow row(
      Map<String, String> resource,
      Map<String, String> attributes,
      int severity,
      String severityText,
      String body) {
    return new LogRow(
        1_764_064_800_000_000_123L,
        resource.getOrDefault("service.name", "unknown_service"),
        resource,
        Optional.of("io.shop"),
        Optional.of("1.2.0"),
        Map.of("scope.attr", "s"),
        attributes,
        Optional.of(1_764_064_801_000_000_000L),
        severity,
        Optional.ofNullable(severityText),
        body,
        Optional.of("5b8efff798038103d269b633813fc60c"),
        Optional.of("eee19b7ec3c1b174"),
        1,
        2);
  }

  @Test
  void defaultResourceAttributesBecomeStreamLabelsWithUnderscores() {
    LogRow row =
        row(
            Map.of(
                "service.name", "checkout",
                "k8s.namespace.name", "shop",
                "k8s.pod.name", "checkout-7d9",
                "deployment.environment.name", "prod",
                "cloud.region", "eu-west-1",
                "host.name", "node-3",
                "process.pid", "4242"),
            Map.of(),
            9,
            "INFO",
            "paid");
    assertThat(mapping.streamLabels(row))
        .containsExactly(
            entry("cloud_region", "eu-west-1"),
            entry("deployment_environment_name", "prod"),
            entry("k8s_namespace_name", "shop"),
            entry("k8s_pod_name", "checkout-7d9"),
            entry("service_name", "checkout"));
  }

  @Test
  void everythingElseIsStructuredMetadataAsLokiStoresIt() {
    LogRow row =
        row(
            Map.of("service.name", "checkout", "host.name", "node-3"),
            Map.of("http.route", "/pay", "user-id", "42", "2xx", "yes", "_private", "p"),
            17,
            "Error",
            "payment failed");
    assertThat(mapping.structuredMetadata(row))
        .containsExactly(
            entry("detected_level", "error"),
            entry("dropped_attributes_count", "2"),
            entry("flags", "1"),
            entry("host_name", "node-3"),
            entry("http_route", "/pay"),
            entry("key_2xx", "yes"),
            entry("key_private", "p"),
            entry("observed_timestamp", "1764064801000000000"),
            entry("scope_attr", "s"),
            entry("scope_name", "io.shop"),
            entry("scope_version", "1.2.0"),
            entry("severity_number", "17"),
            entry("severity_text", "Error"),
            entry("span_id", "eee19b7ec3c1b174"),
            entry("trace_id", "5b8efff798038103d269b633813fc60c"),
            entry("user_id", "42"));
  }

  @Test
  void missingServiceNameIsUnknownService() {
    LogRow row = row(Map.of("host.name", "h"), Map.of(), 0, null, "x");
    assertThat(mapping.streamLabels(row)).containsExactly(entry("service_name", "unknown_service"));
  }

  @Test
  void configuredListReplacesTheDefaults() {
    LabelMapping custom = new LabelMapping(List.of("service.name", "host.name"));
    LogRow row =
        row(
            Map.of("service.name", "a", "k8s.pod.name", "p", "host.name", "h"),
            Map.of(),
            9,
            null,
            "x");
    assertThat(custom.streamLabels(row))
        .containsExactly(entry("host_name", "h"), entry("service_name", "a"));
    assertThat(custom.structuredMetadata(row)).containsEntry("k8s_pod_name", "p");
  }

  @Test
  void detectedLevelFollowsLokisOrder() {
    // severity_text is a level field: it wins over the number
    assertThat(level(Map.of(), 17, "WARNING", "x")).isEqualTo("warn");
    // a level attribute wins over severity_text (it comes first in Loki's list)
    assertThat(level(Map.of("level", "debug"), 17, "ERROR", "x")).isEqualTo("debug");
    // the number when there is no text
    assertThat(level(Map.of(), 1, null, "x")).isEqualTo("trace");
    assertThat(level(Map.of(), 5, null, "x")).isEqualTo("debug");
    assertThat(level(Map.of(), 12, null, "x")).isEqualTo("info");
    assertThat(level(Map.of(), 13, null, "x")).isEqualTo("warn");
    assertThat(level(Map.of(), 20, null, "x")).isEqualTo("error");
    assertThat(level(Map.of(), 24, null, "x")).isEqualTo("fatal");
    // neither: the line
    assertThat(level(Map.of(), 0, null, "{\"lvl\":\"wrn\",\"msg\":\"m\"}")).isEqualTo("warn");
    assertThat(level(Map.of(), 0, null, "ts=1 level=ERROR msg=boom")).isEqualTo("error");
    assertThat(level(Map.of(), 0, null, "[Sun Dec 04] [error] mod_jk child")).isEqualTo("error");
    assertThat(level(Map.of(), 0, null, "nothing to see")).isEqualTo("unknown");
    // an unknown level text is kept as it is
    assertThat(level(Map.of(), 9, "notice", "x")).isEqualTo("notice");
  }

  @Test
  void metadataNamedLikeAStreamLabelIsExtractedAsTheLabelsBuilderDoes() {
    // a record attribute service.name and a non-index resource attribute k8s-pod-name
    LogRow row =
        row(
            Map.of("service.name", "checkout", "k8s.pod.name", "p1", "k8s-pod-name", "x"),
            Map.of("service.name", "shadow", "service_name_extracted", "real"),
            9,
            null,
            "x");
    Map<String, String> stream = mapping.streamLabels(row);
    assertThat(mapping.structuredMetadata(row)).containsEntry("service_name", "shadow");
    Map<String, String> seen = mapping.queryMetadata(row, stream);
    assertThat(seen)
        .doesNotContainKeys("service_name", "k8s_pod_name")
        .containsEntry("k8s_pod_name_extracted", "x")
        // both give service_name_extracted: in name order the later one wins, as in LabelsBuilder
        .containsEntry("service_name_extracted", "real");
    assertThat(mapping.entry(row).label("service_name")).isEqualTo("checkout");
    // no clash: the same map
    LogRow plain = row(Map.of("service.name", "a"), Map.of("a.b", "c"), 9, null, "x");
    assertThat(mapping.queryMetadata(plain, mapping.streamLabels(plain)))
        .isEqualTo(mapping.structuredMetadata(plain));
  }

  @Test
  void normalizesLikePrometheusOtlpTranslator() {
    assertThat(LabelMapping.normalize("service.name")).isEqualTo("service_name");
    assertThat(LabelMapping.normalize("http.response.status_code"))
        .isEqualTo("http_response_status_code");
    assertThat(LabelMapping.normalize("0day")).isEqualTo("key_0day");
    assertThat(LabelMapping.normalize("_x")).isEqualTo("key_x");
    assertThat(LabelMapping.normalize("__x")).isEqualTo("__x");
    assertThat(LabelMapping.normalize("ünïcode")).isEqualTo("key_n_code");
  }

  private String level(Map<String, String> attributes, int number, String text, String body) {
    return mapping
        .structuredMetadata(row(Map.of("service.name", "a"), attributes, number, text, body))
        .get("detected_level");
  }
}

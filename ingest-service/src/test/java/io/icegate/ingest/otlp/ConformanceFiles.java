package io.icegate.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The OTLP/JSON examples of the OpenTelemetry proto repository, kept in {@code
 * ../shared/conformance/otlp-json} beside the repository. Surefire runs in the module folder, so
 * that is two levels up from here.
 */
final class ConformanceFiles {
  static final Path OTLP_JSON = Path.of("../../shared/conformance/otlp-json");

  private ConformanceFiles() {}

  static byte[] otlpJson(String name) {
    Path file = OTLP_JSON.resolve(name);
    assertThat(file)
        .as("OTLP/JSON conformance file (../shared beside the repository)")
        .isRegularFile();
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.icegate.query.logql.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.icegate.query.logql.parse.LogQL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test helpers: pipelines from real LogQL text, and lines of the loghub sample logs in
 * ../shared/datasets/loghub (Loghub, https://github.com/logpai/loghub; see its LICENSE there).
 */
final class Pipelines {
  static final LabelSet STREAM = LabelSet.of("job", "test", "app", "web");
  private static final Path LOGHUB = Path.of("/work/shared/datasets/loghub");

  private Pipelines() {}

  /** The pipeline of {@code {job="test"} <stages>}, compiled. */
  static Pipeline of(String stages) {
    return PipelineCompiler.compile(LogQL.parseLogQuery("{job=\"test\"} " + stages).pipeline());
  }

  static Optional<ProcessedEntry> run(String stages, String line) {
    return of(stages).process(1L, line, STREAM, Map.of());
  }

  /** Runs and expects the entry to pass. */
  static ProcessedEntry pass(String stages, String line) {
    return run(stages, line)
        .orElseThrow(() -> new AssertionError("dropped: " + stages + " on " + line));
  }

  /** The parsed labels (error labels included) of a passing entry. */
  static Map<String, String> parsed(String stages, String line) {
    return pass(stages, line).labels().parsed();
  }

  static List<String> loghub(String file) {
    Path path = LOGHUB.resolve(file);
    assumeTrue(Files.isReadable(path), "loghub sample missing: " + path);
    try {
      return Files.readAllLines(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

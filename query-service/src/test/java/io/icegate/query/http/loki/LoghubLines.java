package io.icegate.query.http.loki;

import io.icegate.query.LakeStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real log lines from loghub (https://github.com/logpai/loghub; Zhu et al., "Loghub: A Large
 * Collection of System Log Datasets for AI-driven Log Analytics", ISSRE 2023), read in place from
 * the shared datasets folder, one service per file, one line per second so order is known.
 */
final class LoghubLines {
  static final Path DIR = Path.of("/work/shared/datasets/loghub");
  static final long S = 1_000_000_000L;

  /** One ingested line: service, timestamp in ns, text. */
  record Entry(String service, long ts, String line) {}

  private LoghubLines() {}

  /**
   * The first {@code count} lines of {@code file}, line i at {@code t0 + i s + offsetMillis}.
   * readAllLines strips the files' CRLF and CR terminators.
   */
  static List<Entry> read(String file, String service, long t0, long offsetMillis, int count) {
    try {
      List<String> lines = Files.readAllLines(DIR.resolve(file)).subList(0, count);
      List<Entry> entries = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        entries.add(new Entry(service, t0 + i * S + offsetMillis * 1_000_000L, lines.get(i)));
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends entries of one service to the ingest service as one OTLP request. */
  static void send(LakeStack stack, String tenant, List<Entry> entries) {
    List<OtlpLogs.Line> lines =
        entries.stream().map(e -> new OtlpLogs.Line(e.ts(), e.line())).toList();
    OtlpLogs.send(stack, tenant, Map.of("service.name", entries.get(0).service()), lines);
  }
}

package io.icegate.query.loki;

import io.icegate.lake.wal.WalSignal;
import io.icegate.query.engine.ScanBatches;
import io.icegate.query.engine.ScanRequest;
import io.icegate.query.engine.TenantScan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads, for every log line a stream selector picks in {@code [start, end)}, only what the index
 * endpoints need: its time, its stream labels and the UTF-8 size of its line. Structured metadata
 * is never built, so these endpoints cost a narrow scan of four columns.
 */
public final class StreamLines {
  private static final List<String> COLUMNS =
      List.of("timestamp", "timestamp_nanos", "service_name", "resource_attributes", "body");

  /** One selected line. */
  @FunctionalInterface
  public interface Sink {
    void accept(long timestampNanos, Map<String, String> stream, long lineBytes);
  }

  private StreamLines() {}

  public static void forEach(
      TenantScan scan,
      LabelMapping mapping,
      List<LabelMatcher> selector,
      long startNanos,
      long endNanos,
      Sink sink) {
    if (endNanos <= startNanos) {
      return;
    }
    ScanRequest request =
        ScanRequest.all(WalSignal.LOGS)
            .select(COLUMNS)
            .where(LogScan.pushedFilter(selector))
            .between(
                Optional.of(Instant.ofEpochSecond(0, Math.floorDiv(startNanos, 1000L) * 1000L)),
                Optional.of(
                    Instant.ofEpochSecond(0, Math.floorDiv(endNanos + 999L, 1000L) * 1000L)));
    // Stream labels of one resource are built once: rows of a batch mostly share few resources.
    Map<List<Object>, Map<String, String>> streams = new LinkedHashMap<>();
    try (ScanBatches batches = scan.scan(request)) {
      // One batch at a time: memory stays bounded by the batch, not by the scan.
      while (batches.loadNextBatch()) {
        VectorSchemaRoot batch = batches.current();
        scan.budget().checkDeadline();
        List<FieldVector> v = batch.getFieldVectors();
        TimeStampVector times = (TimeStampVector) v.get(0);
        IntVector nanos = (IntVector) v.get(1);
        VarCharVector services = (VarCharVector) v.get(2);
        VarCharVector bodies = (VarCharVector) v.get(4);
        for (int r = 0; r < batch.getRowCount(); r++) {
          long ts = Math.addExact(times.get(r) * 1000L, nanos.isNull(r) ? 0 : nanos.get(r));
          if (ts < startNanos || ts >= endNanos) {
            continue;
          }
          String service =
              services.isNull(r)
                  ? "unknown_service"
                  : new String(services.get(r), StandardCharsets.UTF_8);
          Map<String, String> resource = LogRows.map(v.get(3), r);
          Map<String, String> stream =
              streams.computeIfAbsent(
                  List.of(service, resource), k -> mapping.streamLabels(service, resource));
          if (streams.size() > 10_000) {
            streams.clear();
          }
          if (!selector.stream().allMatch(m -> m.matches(stream.get(m.name())))) {
            continue;
          }
          // VarChar vectors hold UTF-8: the value's byte length is the line's size.
          long bytes =
              bodies.isNull(r) ? 0 : bodies.getEndOffset(r) - (long) bodies.getStartOffset(r);
          sink.accept(ts, stream, bytes);
        }
      }
    }
  }
}

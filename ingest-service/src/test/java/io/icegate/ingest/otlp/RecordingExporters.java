package io.icegate.ingest.otlp;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Wrappers around the SDK's real OTLP exporters that keep what the SDK handed them and the result
 * of every export, so a test can compare the WAL with exactly what was sent.
 */
final class RecordingExporters {
  private RecordingExporters() {}

  /** What was sent and how each export ended. */
  static final class Sent<T> {
    private final List<T> items = new ArrayList<>();
    private final List<CompletableResultCode> results = new ArrayList<>();

    synchronized CompletableResultCode record(
        Collection<? extends T> batch, CompletableResultCode r) {
      items.addAll(batch);
      results.add(r);
      return r;
    }

    synchronized List<T> items() {
      return List.copyOf(items);
    }

    synchronized List<CompletableResultCode> results() {
      return List.copyOf(results);
    }
  }

  static LogRecordExporter logs(LogRecordExporter delegate, Sent<LogRecordData> sent) {
    return new LogRecordExporter() {
      @Override
      public CompletableResultCode export(Collection<LogRecordData> logs) {
        return sent.record(logs, delegate.export(logs));
      }

      @Override
      public CompletableResultCode flush() {
        return delegate.flush();
      }

      @Override
      public CompletableResultCode shutdown() {
        return delegate.shutdown();
      }
    };
  }

  static SpanExporter spans(SpanExporter delegate, Sent<SpanData> sent) {
    return new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        return sent.record(spans, delegate.export(spans));
      }

      @Override
      public CompletableResultCode flush() {
        return delegate.flush();
      }

      @Override
      public CompletableResultCode shutdown() {
        return delegate.shutdown();
      }
    };
  }

  static MetricExporter metrics(MetricExporter delegate, Sent<MetricData> sent) {
    return new MetricExporter() {
      @Override
      public CompletableResultCode export(Collection<MetricData> metrics) {
        return sent.record(metrics, delegate.export(metrics));
      }

      @Override
      public AggregationTemporality getAggregationTemporality(InstrumentType type) {
        return delegate.getAggregationTemporality(type);
      }

      @Override
      public MemoryMode getMemoryMode() {
        // The SDK may reuse point objects between collections in REUSABLE_DATA mode; what is
        // recorded here must stay as it was sent.
        return MemoryMode.IMMUTABLE_DATA;
      }

      @Override
      public CompletableResultCode flush() {
        return delegate.flush();
      }

      @Override
      public CompletableResultCode shutdown() {
        return delegate.shutdown();
      }
    };
  }
}

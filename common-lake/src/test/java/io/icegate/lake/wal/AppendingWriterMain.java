package io.icegate.lake.wal;

import io.icegate.lake.runtime.ChildStdout;
import io.icegate.lake.store.LocalObjectStore;
import io.icegate.lake.tenant.TenantId;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.data.Record;

/**
 * A WAL writer process for {@link WalKillTest}: appends to one lane of a local store until killed,
 * with up to 16 appends outstanding, like a busy receiver whose clients retry failures with the
 * same batch. Prints {@code ready <next seq>} once open and {@code acked <batch id>} only after an
 * append's future completed.
 *
 * <p>Arguments: store folder, lane, run number (makes batch ids unique across runs).
 */
public final class AppendingWriterMain {
  private static final Executor RETRY_LATER =
      CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS);

  private AppendingWriterMain() {}

  public static void main(String[] args) throws InterruptedException {
    PrintStream out = ChildStdout.take();
    Path folder = Path.of(args[0]);
    String lane = args[1];
    long run = Long.parseLong(args[2]);
    WalWriterSettings settings =
        new WalWriterSettings(
            List.of(lane), 32 << 10, Duration.ofMillis(10), Duration.ofSeconds(5), 8L << 20);
    WalWriter writer =
        new WalWriter(
            new LocalObjectStore(folder), WalSignal.LOGS, settings, l -> 0, Clock.systemUTC());
    synchronized (out) {
      out.println("ready " + writer.nextSeqs().get(lane));
    }
    SampleRows sample = new SampleRows(run);
    Semaphore outstanding = new Semaphore(16);
    for (long n = 0; ; n++) {
      outstanding.acquire();
      List<Record> rows = sample.batch(WalSignal.LOGS, "t", 4).rows();
      String id = String.format("%016x%016x", run, n);
      WalBatchRows batch = new WalBatchRows(id, TenantId.DEFAULT, rows.subList(0, 1 + (int) n % 4));
      append(writer, batch, out, outstanding);
    }
  }

  private static void append(
      WalWriter writer, WalBatchRows batch, PrintStream out, Semaphore outstanding) {
    writer
        .append(batch, 1_000)
        .whenComplete(
            (ok, failure) -> {
              if (failure == null) {
                synchronized (out) {
                  out.println("acked " + batch.batchId());
                }
                outstanding.release();
              } else {
                // A retrying client: the same batch again, a little later.
                RETRY_LATER.execute(() -> append(writer, batch, out, outstanding));
              }
            });
  }
}

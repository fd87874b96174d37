package io.icegate.lake.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.StorageSettings;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A writer process for {@link S3ProxyMultiProcessCommitTest}: runs {@link AppendWorkload} in {@code
 * threads} threads against an S3 store for {@code seconds}, one catalog instance per thread, and
 * writes every outcome line to the file {@code outcomes}. It writes {@code ready} there once warmed
 * up and starts when a line arrives on stdin.
 *
 * <p>Outcomes go to a file of their own, not stdout: the logger writes to stdout, and a logged
 * warning with its stack trace must never be parsed as an outcome.
 *
 * <p>Arguments: endpoint bucket prefix process-name threads seconds outcomes-file.
 */
public final class CatalogWriterMain {
  private CatalogWriterMain() {}

  public static void main(String[] args) throws Exception {
    StorageSettings settings =
        StorageSettings.s3(args[1])
            .withEndpoint(args[0], true)
            .withCredentials("access", "secret")
            .withPrefix(args[2]);
    String name = args[3];
    int threads = Integer.parseInt(args[4]);
    try (PrintStream out = new PrintStream(new FileOutputStream(args[6]), true, UTF_8);
        ObjectStore store = ObjectStores.open(settings)) {
      // Warm up (class loading, JIT, connections), then start with the others.
      catalog(store, settings).loadTable(AppendWorkload.SHARED);
      out.println("ready");
      if (System.in.read() < 0) {
        return;
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[5]));
      List<Thread> writers = new ArrayList<>();
      List<Throwable> errors = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String writer = name + "_" + t;
        Thread thread =
            new Thread(
                () ->
                    AppendWorkload.run(
                        () -> catalog(store, settings), writer, deadline, line -> print(out, line)),
                writer);
        thread.setUncaughtExceptionHandler(
            (th, e) -> {
              synchronized (errors) {
                errors.add(e);
              }
            });
        writers.add(thread);
        thread.start();
      }
      for (Thread thread : writers) {
        thread.join();
      }
      if (!errors.isEmpty()) {
        errors.forEach(Throwable::printStackTrace);
        System.exit(1);
      }
    }
  }

  static ObjectStoreCatalog catalog(ObjectStore store, StorageSettings settings) {
    return CatalogFixtures.catalog(store, settings.rootLocation(), Map.of());
  }

  private static void print(PrintStream out, String line) {
    synchronized (out) {
      out.println(line);
    }
  }
}

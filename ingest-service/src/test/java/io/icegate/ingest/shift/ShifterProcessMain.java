package io.icegate.ingest.shift;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.runtime.ChildStdout;
import io.icegate.lake.store.FaultInjectingObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.StorageSettings;
import io.icegate.lake.wal.WalSignal;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A shifter process for {@link ShifterRaceProcessTest} and {@link ShifterCrashTest}.
 *
 * <p>{@code race}: shifts the logs WAL in a loop until a line arrives on stdin, printing {@code
 * ready}, then {@code committed <offsets>} per commit and {@code overtaken} per cycle that found
 * work but did not commit; exits 0.
 *
 * <p>{@code <crash point>}: runs one cycle and halts the JVM ({@code Runtime.halt(99)}, no shutdown
 * hooks, no flushing: a kill -9) at that step. The steps are found through the store's crash hook
 * ({@link FaultInjectingObjectStore#onCrashPoint}), so the shifter itself carries no test code:
 *
 * <ul>
 *   <li>{@code data-files-written}: every data file is written, the batch index is not;
 *   <li>{@code index-written}: the batch index is written, the catalog commit has not begun;
 *   <li>{@code metadata-written}: manifests and the metadata file are written, the root version
 *       (the commit point) is not;
 *   <li>{@code root-written}: the root version is written, its acknowledgement never seen;
 *   <li>{@code committed}: the commit returned.
 * </ul>
 *
 * Exits 3 if the cycle ends without reaching the point.
 *
 * <p>Arguments: mode, then {@code local <folder>} or {@code s3 <endpoint> <bucket> <prefix>}.
 */
public final class ShifterProcessMain {
  static final int CRASH_EXIT = 99;
  static final List<String> CRASH_POINTS =
      List.of(
          "data-files-written", "index-written", "metadata-written", "root-written", "committed");

  private ShifterProcessMain() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = ChildStdout.take();
    String mode = args[0];
    StorageSettings settings = settings(args);
    FaultInjectingObjectStore store = new FaultInjectingObjectStore(ObjectStores.open(settings));
    ObjectStoreCatalog catalog = ShiftFixtures.catalog(store, settings.rootLocation());
    ShiftSettings defaults = ShiftSettings.defaults();
    // Racing shifters take few segments per cycle, so they commit often and collide often.
    ShiftSettings shiftSettings =
        mode.equals("race") ? defaults.withMaxSegmentsPerCycle(4) : defaults;
    Shifter shifter =
        new Shifter(ShiftFixtures.logs(catalog), store, WalSignal.LOGS, shiftSettings);
    if (mode.equals("race")) {
      race(shifter, out);
    } else {
      crash(shifter, store, mode);
    }
  }

  private static void race(Shifter shifter, PrintStream out) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    Thread stdin =
        new Thread(
            () -> {
              try {
                System.in.read();
              } catch (java.io.IOException e) {
                // stdin closed: stop as well
              }
              stop.set(true);
            });
    stdin.setDaemon(true);
    stdin.start();
    out.println("ready");
    List<String> lines = new ArrayList<>();
    while (!stop.get()) {
      long rejected = shifter.rejectedCommits();
      Optional<Shifter.ShiftResult> result = shifter.shiftOnce();
      if (result.isPresent()) {
        lines.add("committed " + OffsetsJson.format(result.get().offsets()));
      } else if (shifter.rejectedCommits() > rejected) {
        lines.add("overtaken");
      }
    }
    lines.forEach(out::println);
  }

  private static void crash(Shifter shifter, FaultInjectingObjectStore store, String point) {
    if (!CRASH_POINTS.contains(point)) {
      throw new IllegalArgumentException("Unknown crash point " + point);
    }
    String batches = "wal/logs/_batches/";
    store.onCrashPoint(
        (step, key) -> {
          boolean reached =
              switch (point) {
                case "data-files-written" -> step.equals("PUT:before") && key.startsWith(batches);
                case "index-written" -> step.equals("PUT:after") && key.startsWith(batches);
                case "metadata-written" ->
                    step.equals("PUT_IF_ABSENT:before") && key.startsWith("catalog/root/");
                case "root-written" ->
                    step.equals("PUT_IF_ABSENT:after") && key.startsWith("catalog/root/");
                default -> false;
              };
          if (reached) {
            Runtime.getRuntime().halt(CRASH_EXIT);
          }
        });
    Optional<Shifter.ShiftResult> result = shifter.shiftOnce();
    if (point.equals("committed") && result.isPresent()) {
      Runtime.getRuntime().halt(CRASH_EXIT);
    }
    System.exit(3);
  }

  private static StorageSettings settings(String[] args) {
    if (args[1].equals("local")) {
      return StorageSettings.local(Path.of(args[2]));
    }
    return StorageSettings.s3(args[3])
        .withEndpoint(args[2], true)
        .withCredentials("access", "secret")
        .withPrefix(args[4]);
  }

  /** The arguments after the mode that open {@code settings} in a child. */
  static List<String> storeArguments(StorageSettings settings) {
    if (settings.type().equals("local")) {
      return List.of("local", settings.root().orElseThrow().toString());
    }
    return List.of(
        "s3",
        settings.endpoint().orElseThrow(),
        settings.bucket().orElseThrow(),
        settings.prefix());
  }

  /** Starts a child JVM running this main; stdout to {@code output}, stderr to {@code log}. */
  static Process start(String mode, StorageSettings settings, Path output, Path log)
      throws java.io.IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            ShifterProcessMain.class.getName(),
            mode));
    command.addAll(storeArguments(settings));
    return new ProcessBuilder(command)
        .redirectOutput(output.toFile())
        .redirectError(log.toFile())
        .start();
  }
}

package io.icegate.maintain.compaction;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.runtime.ChildStdout;
import io.icegate.lake.store.FaultInjectingObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.StorageSettings;
import io.icegate.maintain.job.JobReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compactor process for {@link CompactionCrashTest}: runs one compaction of the lake in a local
 * folder and halts the JVM ({@code Runtime.halt(99)}: no shutdown hooks, no flushing, a kill -9) at
 * a step found through the store's crash hook, so the job carries no test code:
 *
 * <ul>
 *   <li>{@code files-written}: the new data files are written, no manifest yet;
 *   <li>{@code metadata-written}: manifests and the metadata file are written, the root version
 *       (the commit point) is not;
 *   <li>{@code committed}: the commit returned.
 * </ul>
 *
 * Exits 3 if the run ends without reaching the point. Arguments: point, folder.
 */
public final class CompactorProcessMain {
  static final int CRASH_EXIT = 99;
  static final List<String> CRASH_POINTS =
      List.of("files-written", "metadata-written", "committed");

  private CompactorProcessMain() {}

  public static void main(String[] args) {
    PrintStream out = ChildStdout.take();
    String point = args[0];
    StorageSettings settings = StorageSettings.local(Path.of(args[1]));
    FaultInjectingObjectStore store = new FaultInjectingObjectStore(ObjectStores.open(settings));
    ObjectStoreCatalog catalog =
        new ObjectStoreCatalog(store, new LakeLocations(settings.rootLocation()));
    catalog.initialize("lake", Map.of());
    store.onCrashPoint(
        (step, key) -> {
          boolean reached =
              switch (point) {
                case "files-written" -> step.equals("CREATE:before") && key.contains("/metadata/");
                case "metadata-written" ->
                    step.equals("PUT_IF_ABSENT:before") && key.startsWith("catalog/root/");
                default -> false;
              };
          if (reached) {
            Runtime.getRuntime().halt(CRASH_EXIT);
          }
        });
    JobReport report = new CompactionJob(catalog, CompactionJobTest.SETTINGS).run(false);
    out.println("report " + report.counts());
    if (point.equals("committed") && report.counts().containsKey("compaction.written.files")) {
      Runtime.getRuntime().halt(CRASH_EXIT);
    }
    System.exit(3);
  }

  /** Starts a child JVM running this main; stdout to {@code output}, stderr to {@code log}. */
  static Process start(String point, Path folder, Path output, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            CompactorProcessMain.class.getName(),
            point,
            folder.toString()));
    return new ProcessBuilder(command)
        .redirectOutput(output.toFile())
        .redirectError(log.toFile())
        .start();
  }
}

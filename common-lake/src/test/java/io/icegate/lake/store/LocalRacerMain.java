package io.icegate.lake.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.icegate.lake.runtime.ChildStdout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A second process for {@link LocalObjectStoreTest}: opens a local store, prints {@code ready},
 * waits for a line on stdin, then races {@code putIfAbsent} over {@code count} keys, printing
 * {@code key true|false} per key.
 */
public final class LocalRacerMain {
  private LocalRacerMain() {}

  public static void main(String[] args) throws IOException {
    PrintStream out = ChildStdout.take();
    Path root = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    String writer = args[2];
    LocalObjectStore store = new LocalObjectStore(root);
    out.println("ready");
    if (System.in.read() < 0) {
      return;
    }
    StringBuilder results = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String key = "race/k%04d".formatted(i);
      boolean won = store.putIfAbsent(key, (writer + " " + key).getBytes(UTF_8));
      results.append(key).append(' ').append(won).append('\n');
    }
    out.print(results);
    out.flush();
  }
}

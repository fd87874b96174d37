package io.icegate.lake.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalObjectStoreTest extends ObjectStoreContractTest {
  @TempDir Path root;

  @Override
  protected ObjectStore newStore() {
    return new LocalObjectStore(root);
  }

  @Test
  void tempFilesAreNeverListed() throws IOException {
    OutputStream out = store.create("pending/object", false);
    out.write(bytes("half written"));
    assertThat(tempFiles()).hasSize(1);
    assertThat(store.list("")).isEmpty();
    assertThat(store.head("pending/object")).isEmpty();

    out.close();
    assertThat(store.list("").map(ObjectInfo::key)).containsExactly("pending/object");
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void deleteRemovesEmptyFolders() throws IOException {
    store.put("x/y/z", bytes("1"));
    store.put("x/keep", bytes("2"));
    store.delete("x/y/z");
    assertThat(Files.exists(root.resolve("x/y"))).isFalse();
    assertThat(Files.exists(root.resolve("x"))).isTrue();

    store.delete("x/keep");
    try (Stream<Path> children = Files.list(root)) {
      assertThat(children.map(p -> p.getFileName().toString()))
          .containsExactly(LocalObjectStore.TEMP_FOLDER);
    }
  }

  @Test
  void anObjectCannotAlsoBeAFolder() {
    store.put("a/b", bytes("1"));
    assertThatThrownBy(() -> store.put("a/b/c", bytes("2")))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot write a/b/c: a/b is an object, not a folder");
    assertThatThrownBy(() -> store.putIfAbsent("a", bytes("2")))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("Cannot create a: ")
        .hasMessageContaining("Is a directory");
    assertThat(store.head("a")).isEmpty();
    assertThat(store.head("a/b/c")).isEmpty();
    assertThatThrownBy(() -> store.get("a/b/c"))
        .isInstanceOf(ObjectNotFoundException.class)
        .hasMessage("Cannot read a/b/c: object does not exist");
  }

  @Test
  void etagOfAFileWrittenByOthersIsComputed() throws IOException {
    Files.createDirectories(root.resolve("ext"));
    Files.write(root.resolve("ext/file"), bytes("outside"));
    assertThat(store.head("ext/file").orElseThrow().etag()).isEqualTo(Md5.hex(bytes("outside")));
    assertThat(store.putIfAbsent("ext/file", bytes("outside"))).isTrue();
    assertThat(store.putIfAbsent("ext/file", bytes("inside"))).isFalse();
  }

  @Test
  void twoProcessesRacingPutIfAbsentHaveOneWinnerPerKey() throws Exception {
    int keys = 200;
    List<Process> racers = new ArrayList<>();
    try {
      for (String writer : List.of("alpha", "beta")) {
        racers.add(startRacer(writer, keys));
      }
      List<BufferedReader> outputs = new ArrayList<>();
      for (Process racer : racers) {
        var output = new BufferedReader(new InputStreamReader(racer.getInputStream(), UTF_8));
        assertThat(output.readLine()).isEqualTo("ready");
        outputs.add(output);
      }
      for (Process racer : racers) {
        racer.getOutputStream().write('\n');
        racer.getOutputStream().flush();
      }
      Map<String, List<String>> winners = new HashMap<>();
      for (int i = 0; i < racers.size(); i++) {
        String writer = i == 0 ? "alpha" : "beta";
        List<String> lines = outputs.get(i).lines().toList();
        assertThat(racers.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(racers.get(i).exitValue()).as("exit code of %s", writer).isZero();
        assertThat(lines).hasSize(keys);
        for (String line : lines) {
          String[] parts = line.split(" ");
          winners.computeIfAbsent(parts[0], k -> new ArrayList<>());
          if (Boolean.parseBoolean(parts[1])) {
            winners.get(parts[0]).add(writer);
          }
        }
      }
      assertThat(winners).hasSize(keys);
      winners.forEach(
          (key, won) -> {
            assertThat(won).as("winners of %s", key).hasSize(1);
            assertThat(store.get(key)).isEqualTo(bytes(won.get(0) + " " + key));
          });
      assertThat(tempFiles()).isEmpty();
    } finally {
      racers.forEach(Process::destroyForcibly);
    }
  }

  private Process startRacer(String writer, int keys) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = Path.of("target", "local-racer-" + writer + ".log");
    Files.createDirectories(log.getParent());
    return new ProcessBuilder(
            java.toString(),
            "-Xmx128m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            LocalRacerMain.class.getName(),
            root.toString(),
            Integer.toString(keys),
            writer)
        .redirectError(log.toFile())
        .start();
  }

  private List<Path> tempFiles() throws IOException {
    try (Stream<Path> temps = Files.list(root.resolve(LocalObjectStore.TEMP_FOLDER))) {
      return temps.toList();
    }
  }
}

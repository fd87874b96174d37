package io.icegate.lake.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.store.InMemoryObjectStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.BulkDeletionFailureException;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.RangeReadable;
import org.apache.iceberg.io.SeekableInputStream;
import org.junit.jupiter.api.Test;

class LakeFileIOTest {
  private static final String ROOT = "s3://bucket/lake";

  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final LakeFileIO io = new LakeFileIO(store, new LakeLocations(ROOT + "/"), 4);

  @Test
  void locationsMapToKeysUnderTheRootAndBack() {
    LakeLocations locations = io.locations();

    assertThat(locations.key(ROOT + "/warehouse/ns/t/data/f.parquet"))
        .isEqualTo("warehouse/ns/t/data/f.parquet");
    assertThat(locations.location("warehouse/x")).isEqualTo(ROOT + "/warehouse/x");
    assertThat(locations.contains("s3://bucket/other/x")).isFalse();
    assertThatThrownBy(() -> locations.key("s3://bucket/other/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot map location s3://bucket/other/x: outside the lake root " + ROOT);
    assertThatThrownBy(() -> locations.key(ROOT + "/a//b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot map location " + ROOT + "/a//b: outside the lake root " + ROOT);
  }

  @Test
  void readsInRangesWithSeeksAndTail() throws IOException {
    store.put("f", "0123456789".getBytes(StandardCharsets.UTF_8));

    try (SeekableInputStream in = io.newInputFile(ROOT + "/f").newStream()) {
      assertThat(new String(in.readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("012345");
      in.seek(8);
      assertThat(in.read()).isEqualTo('8');
      assertThat(in.getPos()).isEqualTo(9);
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("9");
      assertThat(in.read()).isEqualTo(-1);
      byte[] tail = new byte[3];
      assertThat(((RangeReadable) in).readTail(tail, 0, 3)).isEqualTo(3);
      assertThat(new String(tail, StandardCharsets.UTF_8)).isEqualTo("789");
      byte[] middle = new byte[2];
      ((RangeReadable) in).readFully(4, middle, 0, 2);
      assertThat(new String(middle, StandardCharsets.UTF_8)).isEqualTo("45");
    }
    assertThat(io.newInputFile(ROOT + "/f").getLength()).isEqualTo(10);
  }

  @Test
  void missingFileIsNotFound() {
    String location = ROOT + "/missing";

    assertThat(io.newInputFile(location).exists()).isFalse();
    assertThatThrownBy(() -> io.newInputFile(location).newStream().read())
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Failed to open input stream for file: " + location);
    assertThatThrownBy(() -> io.newInputFile(location).getLength())
        .isInstanceOf(NotFoundException.class)
        .hasMessage("File does not exist: " + location);
  }

  @Test
  void createIsCreateOnlyAndCreateOrOverwriteReplaces() throws IOException {
    String location = ROOT + "/out";
    write(io.newOutputFile(location).create(), "first");

    assertThatThrownBy(() -> write(io.newOutputFile(location).create(), "second"))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("Cannot create file " + location + ": already exists");
    assertThat(store.get("out")).asString(StandardCharsets.UTF_8).isEqualTo("first");

    write(io.newOutputFile(location).createOrOverwrite(), "third");
    assertThat(store.get("out")).asString(StandardCharsets.UTF_8).isEqualTo("third");
    assertThat(io.newOutputFile(location).toInputFile().getLength()).isEqualTo(5);
  }

  @Test
  void listsAndDeletesByPrefix() {
    store.put("t/data/a", new byte[3]);
    store.put("t/data/b", new byte[4]);
    store.put("t/metadata/m", new byte[1]);

    List<FileInfo> listed =
        StreamSupport.stream(io.listPrefix(ROOT + "/t/data/").spliterator(), false).toList();
    assertThat(listed)
        .extracting(FileInfo::location)
        .containsExactly(ROOT + "/t/data/a", ROOT + "/t/data/b");
    assertThat(listed).extracting(FileInfo::size).containsExactly(3L, 4L);

    io.deletePrefix(ROOT + "/t/data/");
    assertThat(store.list("t/").map(i -> i.key()).toList()).containsExactly("t/metadata/m");
  }

  @Test
  void bulkDeleteReportsLocationsOutsideTheLake() {
    store.put("a", new byte[1]);
    store.put("b", new byte[1]);

    assertThatThrownBy(() -> io.deleteFiles(List.of(ROOT + "/a", "/path/elsewhere", ROOT + "/b")))
        .isInstanceOf(BulkDeletionFailureException.class)
        .hasMessage("Failed to delete 1 files");
    assertThat(store.list("").toList()).isEmpty();
  }

  private static void write(OutputStream out, String text) throws IOException {
    try (out) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}

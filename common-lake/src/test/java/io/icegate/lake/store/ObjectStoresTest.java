package io.icegate.lake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.icegate.lake.config.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoresTest {
  @TempDir Path temp;

  @Test
  void opensALocalStoreAndCreatesItsFolder() {
    try (ObjectStore store = ObjectStores.open(StorageSettings.local(temp.resolve("lake")))) {
      assertThat(store).isInstanceOf(LocalObjectStore.class);
      store.put("k", new byte[] {1});
      assertThat(temp.resolve("lake/k")).exists();
    }
  }

  @Test
  void rejectsUnknownType() {
    assertInvalid(
        new StorageSettings(
            "foo",
            Optional.of(temp),
            Optional.empty(),
            "",
            Optional.empty(),
            "us-east-1",
            false,
            Optional.empty(),
            Optional.empty(),
            8 << 20,
            4),
        "icegate.storage.type: unknown storage type 'foo' (expected local or s3)");
  }

  @Test
  void rejectsARootThatCannotBeAFolder() throws IOException {
    Path file = Files.writeString(temp.resolve("file"), "x");
    assertThatThrownBy(() -> ObjectStores.open(StorageSettings.local(file.resolve("lake"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith(
            "icegate.storage.root: cannot create folder " + file.resolve("lake"))
        .hasMessageNotContaining("\n");
  }

  @Test
  void rejectsAReadOnlyRoot() throws IOException {
    Path readOnly = Files.createDirectory(temp.resolve("ro"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    assumeThat(Files.isWritable(readOnly)).as("not running as root").isFalse();
    assertInvalid(
        StorageSettings.local(readOnly),
        "icegate.storage.root: folder " + readOnly + " is not writable");
  }

  @Test
  void s3NeedsABucket() {
    assertInvalid(
        StorageSettings.s3(" "), "icegate.storage.bucket: required when icegate.storage.type=s3");
    assertInvalid(
        StorageSettings.s3("Not_A_Bucket"),
        "icegate.storage.bucket: 'Not_A_Bucket' is not a valid bucket name");
  }

  @Test
  void s3ChecksSettingsBeforeConnecting() {
    StorageSettings s3 = StorageSettings.s3("lake");
    assertInvalid(
        s3.withEndpoint("ftp://host", true),
        "icegate.storage.endpoint: 'ftp://host' is not an http(s) URL");
    assertInvalid(
        s3.withPrefix("a//b"), "icegate.storage.prefix: Invalid object key 'a//b': empty segment");
    assertInvalid(
        s3.withMultipartThreshold(1 << 20),
        "icegate.storage.multipart-threshold: must be between 5 MiB (5242880) and 5 GiB, was 1048576");
    assertInvalid(
        s3.withMaxConcurrency(0), "icegate.storage.max-concurrency: must be at least 1, was 0");
    assertInvalid(
        new StorageSettings(
            "s3",
            Optional.empty(),
            Optional.of("lake"),
            "",
            Optional.empty(),
            "us-east-1",
            false,
            Optional.of("access"),
            Optional.empty(),
            8 << 20,
            4),
        "icegate.storage.secret-key: required when icegate.storage.access-key is set");
  }

  @Test
  void s3ReportsAnUnreachableEndpoint() {
    StorageSettings settings =
        StorageSettings.s3("lake")
            .withEndpoint("http://127.0.0.1:1", true)
            .withCredentials("access", "secret");
    assertThatThrownBy(() -> ObjectStores.open(settings))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("icegate.storage.endpoint: cannot reach http://127.0.0.1:1 (")
        .hasMessageContaining("Connection refused")
        .hasMessageNotContaining("\n");
  }

  @Test
  void settingsNeverShowTheSecretKey() {
    String shown =
        StorageSettings.s3("lake").withCredentials("AKIAEXAMPLE", "very-secret").toString();
    assertThat(shown).contains("accessKey=AKIAEXAMPLE").contains("secretKey=****");
    assertThat(shown).doesNotContain("very-secret");
  }

  private static void assertInvalid(StorageSettings settings, String message) {
    assertThatThrownBy(() -> ObjectStores.open(settings))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(message);
  }
}

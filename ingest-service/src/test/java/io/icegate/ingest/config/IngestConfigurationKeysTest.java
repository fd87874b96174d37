package io.icegate.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.ingest.otlp.IngestLimits;
import io.icegate.ingest.shift.ShiftConfiguration;
import io.icegate.ingest.wal.WalConfiguration;
import io.icegate.lake.config.ConfigurationKeys;
import io.icegate.lake.config.DedupWindow;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code icegate.ingest.*}, {@code icegate.shift.*} and {@code icegate.wal.*} key README.md
 * and docs/ name is read by the ingest service, and each documented default is the real one.
 */
class IngestConfigurationKeysTest {
  private static final Class<?>[] TYPES = {
    IngestLimits.class, ShiftConfiguration.class, WalConfiguration.class
  };

  @TempDir Path root;

  private Map<String, Object> service() {
    return Map.of(
        "icegate.service", "ingest",
        "icegate.shift.enabled", "false",
        "grpc.server.enabled", "false",
        "icegate.storage.root", root.toString());
  }

  @Test
  void everyDocumentedKeyIsRead() {
    Set<String> read = new TreeSet<>(ConfigurationKeys.read(TYPES));
    read.add(DedupWindow.KEY);
    read.add("icegate.shift.enabled"); // gates the scheduler (@Requires)
    read.add("icegate.shift.dedup-window"); // deprecated, read by DedupWindow

    assertThat(ConfigurationKeys.unread(read, "icegate.ingest.", "icegate.shift.", "icegate.wal."))
        .isEmpty();
  }

  @Test
  void everyDocumentedDefaultIsTheRealOne() {
    for (Class<?> type : TYPES) {
      assertThat(ConfigurationKeys.wrongDefaults(service(), type))
          .as(type.getSimpleName())
          .isEmpty();
    }
  }

  @Test
  void theBoundDefaultsAreTheDefaultsOfTheTypes() {
    assertThat(ConfigurationKeys.bind(service(), IngestLimits.class))
        .isEqualTo(IngestLimits.defaults());
    assertThat(ConfigurationKeys.bind(service(), ShiftConfiguration.class))
        .isEqualTo(ShiftConfiguration.defaults());
  }
}

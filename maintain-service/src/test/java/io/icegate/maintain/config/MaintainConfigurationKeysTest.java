package io.icegate.maintain.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.config.ConfigurationKeys;
import io.icegate.maintain.MaintainConfiguration;
import io.icegate.maintain.catalog.RootCleanupConfiguration;
import io.icegate.maintain.compaction.CompactionConfiguration;
import io.icegate.maintain.manifest.ManifestRewriteConfiguration;
import io.icegate.maintain.retention.RetentionConfiguration;
import io.icegate.maintain.snapshot.OrphanCleanupConfiguration;
import io.icegate.maintain.snapshot.SnapshotExpiryConfiguration;
import io.icegate.maintain.wal.WalCleanupConfiguration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every {@code icegate.maintain.*} key README.md and docs/ name is read by a maintain type. */
class MaintainConfigurationKeysTest {
  @Test
  void everyDocumentedKeyIsRead() {
    Set<String> read =
        new TreeSet<>(
            ConfigurationKeys.read(
                MaintainConfiguration.class,
                RootCleanupConfiguration.class,
                CompactionConfiguration.class,
                ManifestRewriteConfiguration.class,
                RetentionConfiguration.class,
                OrphanCleanupConfiguration.class,
                SnapshotExpiryConfiguration.class,
                WalCleanupConfiguration.class));
    read.add("icegate.maintain.dedup-window"); // deprecated name, read by DedupWindow
    // retention periods, read by RetentionSettings under these prefixes
    read.add("icegate.maintain.retention.default.*");
    read.add("icegate.maintain.retention.tenants.*");

    assertThat(ConfigurationKeys.unread(read, "icegate.maintain.")).isEmpty();
  }
}

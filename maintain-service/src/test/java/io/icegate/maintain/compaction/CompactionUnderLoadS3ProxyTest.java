package io.icegate.maintain.compaction;

import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.S3ProxyExtension;
import io.icegate.lake.store.StorageSettings;
import io.icegate.maintain.TestLake;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CompactionUnderLoadTest}'s 60 s race on S3Proxy (the interop profile: -Pinterop). */
@Tag("interop")
class CompactionUnderLoadS3ProxyTest {
  @RegisterExtension static S3ProxyExtension S3 = new S3ProxyExtension();

  @Test
  void readersNeverMissNorRepeatARowWhileCompactionRacesTheShifterOnS3() throws Exception {
    StorageSettings settings = S3.settings();
    try (ObjectStore store = ObjectStores.open(settings);
        TestLake lake =
            new TestLake(store, new LakeLocations(settings.rootLocation()), "lane-0", "lane-1")) {
      CompactionUnderLoadTest.race(lake);
    }
  }
}

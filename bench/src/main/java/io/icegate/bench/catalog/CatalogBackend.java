package io.icegate.bench.catalog;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeFileIO;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.S3ProxyExtension;
import io.icegate.lake.store.StorageSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.jdbc.JdbcCatalog;

/** One catalog under test with everything it runs on; {@link #close} removes it all. */
final class CatalogBackend implements AutoCloseable {
  private final String name;
  private final Catalog catalog;
  private final ObjectStore store;
  private final S3ProxyExtension s3proxy;
  private final AutoCloseable closeable;

  private CatalogBackend(
      String name,
      Catalog catalog,
      ObjectStore store,
      S3ProxyExtension s3proxy,
      AutoCloseable closeable) {
    this.name = name;
    this.catalog = catalog;
    this.store = store;
    this.s3proxy = s3proxy;
    this.closeable = closeable;
  }

  /**
   * {@code local}: ObjectStoreCatalog on a local folder; {@code s3proxy}: ObjectStoreCatalog on
   * S3Proxy; {@code jdbc-sqlite}: Iceberg's JdbcCatalog on a SQLite file, writing its metadata
   * files through the same LakeFileIO over a local folder as {@code local}, so only the catalog
   * differs.
   */
  static CatalogBackend open(String name) throws IOException {
    switch (name) {
      case "local" -> {
        StorageSettings settings = StorageSettings.local(Files.createTempDirectory("bench-lake"));
        ObjectStore store = ObjectStores.open(settings);
        return new CatalogBackend(name, ours(store, settings), store, null, null);
      }
      case "s3proxy" -> {
        S3ProxyExtension s3proxy = new S3ProxyExtension();
        s3proxy.start();
        StorageSettings settings = s3proxy.settings();
        ObjectStore store = ObjectStores.open(settings);
        return new CatalogBackend(name, ours(store, settings), store, s3proxy, null);
      }
      case "jdbc-sqlite" -> {
        Path folder = Files.createTempDirectory("bench-jdbc");
        StorageSettings settings = StorageSettings.local(folder.resolve("lake"));
        ObjectStore store = ObjectStores.open(settings);
        LakeLocations locations = new LakeLocations(settings.rootLocation());
        JdbcCatalog jdbc = new JdbcCatalog(props -> new LakeFileIO(store, locations), null, true);
        jdbc.initialize(
            "jdbc",
            Map.of(
                CatalogProperties.URI,
                "jdbc:sqlite:" + folder.resolve("catalog.db"),
                CatalogProperties.WAREHOUSE_LOCATION,
                locations.location("warehouse"),
                CatalogProperties.CLIENT_POOL_SIZE,
                "16",
                // SQLite allows one writer at a time; others wait instead of failing at once.
                "jdbc.busy_timeout",
                "60000"));
        return new CatalogBackend(name, jdbc, store, null, jdbc);
      }
      default -> throw new IllegalArgumentException("Unknown backend " + name);
    }
  }

  private static ObjectStoreCatalog ours(ObjectStore store, StorageSettings settings) {
    ObjectStoreCatalog catalog =
        new ObjectStoreCatalog(store, new LakeLocations(settings.rootLocation()));
    catalog.initialize("icegate", Map.of());
    return catalog;
  }

  String name() {
    return name;
  }

  Catalog catalog() {
    return catalog;
  }

  SupportsNamespaces namespaces() {
    return (SupportsNamespaces) catalog;
  }

  @Override
  public void close() throws Exception {
    if (closeable != null) {
      closeable.close();
    }
    store.close();
    if (s3proxy != null) {
      s3proxy.stop();
    }
  }
}

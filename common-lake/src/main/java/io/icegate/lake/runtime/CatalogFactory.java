package io.icegate.lake.runtime;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.store.ObjectStore;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded object-store catalog every service commits through (DESIGN.md §4), over the
 * context's {@link ObjectStore}. Catalog properties ({@code icegate.catalog.*}, e.g. the commit
 * deadline) pass through to {@link ObjectStoreCatalog#initialize}.
 */
@Factory
final class CatalogFactory {

  @Singleton
  @Bean(preDestroy = "close")
  ObjectStoreCatalog catalog(
      ObjectStore store, StorageConfiguration storage, Environment environment) {
    Map<String, String> properties = new HashMap<>();
    environment
        .getProperties("icegate.catalog", StringConvention.RAW)
        .forEach((key, value) -> properties.put(key, String.valueOf(value)));
    ObjectStoreCatalog catalog =
        new ObjectStoreCatalog(store, new LakeLocations(storage.toSettings().rootLocation()));
    catalog.initialize("icegate", properties);
    return catalog;
  }
}

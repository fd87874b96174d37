package io.icegate.lake.runtime;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.store.ObjectStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The embedded {@link ObjectStoreCatalog} of a service context, over the context's {@link
 * ObjectStore} (with its retries and metrics), rooted where {@code icegate.storage.*} points. Every
 * service that commits to tables uses this one instance, so its cache of the newest root version is
 * shared.
 */
@Factory
final class CatalogFactory {

  @Singleton
  ObjectStoreCatalog catalog(
      ObjectStore store, StorageConfiguration storage, CatalogConfiguration configuration) {
    String root = storage.toSettings().rootLocation();
    ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, new LakeLocations(root));
    catalog.initialize(configuration.catalogName(), configuration.toProperties());
    return catalog;
  }
}

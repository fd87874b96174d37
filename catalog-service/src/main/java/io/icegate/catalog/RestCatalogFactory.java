package io.icegate.catalog;

import io.icegate.catalog.rest.RestCatalogService;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.runtime.CatalogConfiguration;
import io.icegate.lake.runtime.StorageConfiguration;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.StorageSettings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The REST catalog over the context's object store. It has its own {@link ObjectStoreCatalog}
 * instance rather than the context's embedded one because its catalog properties carry the
 * configured {@code table-default.*}/{@code table-override.*}/{@code view-*} properties, which
 * apply to tables and views created through REST, never to IceGate's own tables. Both instances
 * commit to the same root chain, so they see one catalog.
 */
@Factory
final class RestCatalogFactory {

  @Singleton
  RestCatalogService restCatalog(
      ObjectStore store,
      StorageConfiguration storage,
      CatalogConfiguration catalogConfiguration,
      RestConfiguration rest) {
    StorageSettings settings = storage.toSettings();
    ObjectStoreCatalog catalog =
        new ObjectStoreCatalog(store, new LakeLocations(settings.rootLocation()));
    Map<String, String> properties = new HashMap<>(catalogConfiguration.toProperties());
    properties.putAll(rest.clientDefaults());
    properties.putAll(rest.clientOverrides());
    catalog.initialize(catalogConfiguration.catalogName(), properties);
    return new RestCatalogService(
        catalog,
        rest.prefix(),
        rest.clientDefaults(),
        rest.clientOverrides(),
        readerProperties(settings));
  }

  /**
   * What a reader of this lake needs besides credentials: for S3 the endpoint, path-style access
   * and region (keys of Iceberg's {@code S3FileIOProperties} and {@code AwsClientProperties}, not
   * on this classpath); nothing for a local store, whose {@code file:} locations need no settings.
   */
  static Map<String, String> readerProperties(StorageSettings settings) {
    if (!settings.type().trim().toLowerCase(Locale.ROOT).equals("s3")) {
      return Map.of();
    }
    Map<String, String> properties = new HashMap<>();
    settings.endpoint().ifPresent(endpoint -> properties.put("s3.endpoint", endpoint));
    properties.put("s3.path-style-access", Boolean.toString(settings.pathStyle()));
    properties.put("client.region", settings.region());
    return properties;
  }
}

package io.icegate.catalog;

import io.icegate.catalog.rest.RestCatalogService;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Map;

/** The REST catalog over the context's embedded {@link ObjectStoreCatalog}. */
@Factory
final class RestCatalogFactory {

  @Singleton
  RestCatalogService restCatalog(
      ObjectStoreCatalog catalog, @Value("${icegate.rest.prefix:icegate}") String prefix) {
    return new RestCatalogService(catalog, prefix, Map.of(), Map.of());
  }
}

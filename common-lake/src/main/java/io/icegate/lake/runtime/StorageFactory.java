package io.icegate.lake.runtime;

import io.icegate.lake.store.MeteredObjectStore;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.RetryingObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

/**
 * The one {@link ObjectStore} of a service context, opened eagerly so a bad {@code
 * icegate.storage.*} setting stops the service at start with one clear line.
 */
@Factory
final class StorageFactory {

  @Context
  @Bean(preDestroy = "close")
  ObjectStore objectStore(StorageConfiguration configuration, MeterRegistry registry) {
    ObjectStore bare = ObjectStores.open(configuration.toSettings());
    return new MeteredObjectStore(
        new RetryingObjectStore(bare, RetryingObjectStore.Policy.DEFAULT), registry, "lake");
  }
}

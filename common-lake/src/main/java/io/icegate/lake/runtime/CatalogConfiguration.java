package io.icegate.lake.runtime;

import io.icegate.lake.catalog.CommitSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;

/**
 * The {@code icegate.catalog.*} keys of the embedded catalog; unset keys take the defaults of
 * {@link CommitSettings#DEFAULTS}. The lake root comes from {@code icegate.storage.*}.
 *
 * @param name the catalog name Iceberg shows in table names (default {@code icegate})
 * @param warehouse where new tables go, a location inside the lake root (default {@code
 *     {root}/warehouse})
 * @param commitDeadline a commit does not write another root version after this long (default 60 s)
 * @param maxStorageRetries attempts on one root version key after storage errors (default 8)
 * @param retryBackoff the first pause between such attempts (default 50 ms)
 * @param hintInterval the {@code latest} hint is rewritten every this many versions (default 100)
 */
@ConfigurationProperties("icegate.catalog")
public record CatalogConfiguration(
    @Nullable String name,
    @Nullable String warehouse,
    @Nullable Duration commitDeadline,
    @Nullable Integer maxStorageRetries,
    @Nullable Duration retryBackoff,
    @Nullable Integer hintInterval) {

  public String catalogName() {
    return name == null || name.isBlank() ? "icegate" : name;
  }

  /** The catalog properties {@code ObjectStoreCatalog.initialize} reads. */
  public Map<String, String> toProperties() {
    Map<String, String> properties = new HashMap<>();
    if (warehouse != null && !warehouse.isBlank()) {
      properties.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
    }
    if (commitDeadline != null) {
      properties.put(CommitSettings.DEADLINE_MS, Long.toString(commitDeadline.toMillis()));
    }
    if (maxStorageRetries != null) {
      properties.put(CommitSettings.MAX_STORAGE_RETRIES, Integer.toString(maxStorageRetries));
    }
    if (retryBackoff != null) {
      properties.put(CommitSettings.RETRY_BACKOFF_MS, Long.toString(retryBackoff.toMillis()));
    }
    if (hintInterval != null) {
      properties.put(CommitSettings.HINT_INTERVAL, Integer.toString(hintInterval));
    }
    return properties;
  }
}

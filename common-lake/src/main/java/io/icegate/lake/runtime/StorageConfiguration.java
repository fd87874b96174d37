package io.icegate.lake.runtime;

import io.icegate.lake.store.StorageSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code icegate.storage.*} keys as configured; {@link io.icegate.lake.store.ObjectStores}
 * checks them and names the offending key. Defaults are stated once, in {@link StorageSettings} and
 * application.yml.
 */
@ConfigurationProperties("icegate.storage")
public record StorageConfiguration(
    @Nullable String type,
    @Nullable String root,
    @Nullable String bucket,
    @Nullable String prefix,
    @Nullable String endpoint,
    @Nullable String region,
    @Nullable Boolean pathStyle,
    @Nullable String accessKey,
    @Nullable String secretKey,
    @Nullable Long multipartThreshold,
    @Nullable Integer maxConcurrency) {

  public StorageSettings toSettings() {
    return new StorageSettings(
        type == null ? "" : type,
        Optional.ofNullable(root).filter(s -> !s.isBlank()).map(Path::of),
        Optional.ofNullable(bucket).filter(s -> !s.isBlank()),
        prefix == null ? "" : prefix,
        Optional.ofNullable(endpoint).filter(s -> !s.isBlank()),
        region == null || region.isBlank() ? StorageSettings.DEFAULT_REGION : region,
        pathStyle != null && pathStyle,
        Optional.ofNullable(accessKey).filter(s -> !s.isBlank()),
        Optional.ofNullable(secretKey).filter(s -> !s.isBlank()),
        multipartThreshold == null
            ? StorageSettings.DEFAULT_MULTIPART_THRESHOLD
            : multipartThreshold,
        maxConcurrency == null ? StorageSettings.DEFAULT_MAX_CONCURRENCY : maxConcurrency);
  }
}

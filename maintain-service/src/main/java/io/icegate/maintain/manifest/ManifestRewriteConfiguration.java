package io.icegate.maintain.manifest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * The {@code icegate.maintain.manifest-rewrite.*} keys: {@code enabled}, {@code interval} (default
 * 1 h), {@code dry-run} and {@code max-manifests} (default 100, Iceberg's {@code
 * commit.manifest.min-count-to-merge}): a table whose current snapshot has more data manifests is
 * rewritten.
 */
@ConfigurationProperties("icegate.maintain.manifest-rewrite")
public record ManifestRewriteConfiguration(
    @Nullable Boolean enabled,
    @Nullable Duration interval,
    @Nullable Boolean dryRun,
    @Nullable Integer maxManifests) {
  public static final int DEFAULT_MAX_MANIFESTS = 100;
}

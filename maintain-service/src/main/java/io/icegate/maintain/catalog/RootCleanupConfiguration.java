package io.icegate.maintain.catalog;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * The {@code icegate.maintain.root-cleanup.*} keys: {@code enabled}, {@code interval} (default 1
 * h), {@code dry-run}, {@code keep-newest} (default 1000) and {@code min-age} (default 24 h).
 */
@ConfigurationProperties("icegate.maintain.root-cleanup")
public record RootCleanupConfiguration(
    @Nullable Boolean enabled,
    @Nullable Duration interval,
    @Nullable Boolean dryRun,
    @Nullable Integer keepNewest,
    @Nullable Duration minAge) {}

package io.icegate.maintain.snapshot;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * The {@code icegate.maintain.orphan-cleanup.*} keys: {@code enabled}, {@code interval} (default 1
 * h), {@code dry-run} and {@code grace} (default 1 day, at least 1 h: twice the shifter's longest
 * plan).
 */
@ConfigurationProperties("icegate.maintain.orphan-cleanup")
public record OrphanCleanupConfiguration(
    @Nullable Boolean enabled,
    @Nullable Duration interval,
    @Nullable Boolean dryRun,
    @Nullable Duration grace) {}

package io.icegate.maintain.snapshot;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * The {@code icegate.maintain.snapshot-expiry.*} keys: {@code enabled}, {@code interval} (default
 * 10 min), {@code dry-run} and {@code retention} (default 1 h; must exceed the query timeout and be
 * at least the dedup window).
 */
@ConfigurationProperties("icegate.maintain.snapshot-expiry")
public record SnapshotExpiryConfiguration(
    @Nullable Boolean enabled,
    @Nullable Duration interval,
    @Nullable Boolean dryRun,
    @Nullable Duration retention) {}

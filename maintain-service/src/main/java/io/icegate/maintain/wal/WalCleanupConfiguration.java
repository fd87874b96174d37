package io.icegate.maintain.wal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * The {@code icegate.maintain.wal-cleanup.*} keys: {@code enabled}, {@code interval} (default 1
 * min), {@code dry-run}, {@code grace} (default max(2 × query timeout, dedup window)) and {@code
 * lane-ttl} (default 7 days).
 */
@ConfigurationProperties("icegate.maintain.wal-cleanup")
public record WalCleanupConfiguration(
    @Nullable Boolean enabled,
    @Nullable Duration interval,
    @Nullable Boolean dryRun,
    @Nullable Duration grace,
    @Nullable Duration laneTtl) {}

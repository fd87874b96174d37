package io.icegate.maintain.compaction;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;

/**
 * The {@code icegate.maintain.compaction.*} keys: {@code enabled}, {@code interval} (default 10
 * min), {@code dry-run}, {@code target-file-size} (default 128MB), {@code min-input-files} (default
 * 5, as Iceberg's rewrite) and {@code max-bytes-per-run} (default 10GB). See {@link
 * CompactionSettings}.
 */
@ConfigurationProperties("icegate.maintain.compaction")
public record CompactionConfiguration(
    @Nullable Boolean enabled,
    @Nullable Duration interval,
    @Nullable Boolean dryRun,
    @Nullable @ReadableBytes Long targetFileSize,
    @Nullable Integer minInputFiles,
    @Nullable @ReadableBytes Long maxBytesPerRun) {}

package io.icegate.maintain.retention;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * The {@code icegate.maintain.retention.*} scheduling keys: {@code enabled}, {@code interval}
 * (default 1 h) and {@code dry-run}. The periods themselves ({@code default.<signal>}, {@code
 * tenants.<tenant>.<signal>}) are read by {@link RetentionSettings}.
 */
@ConfigurationProperties("icegate.maintain.retention")
public record RetentionConfiguration(
    @Nullable Boolean enabled, @Nullable Duration interval, @Nullable Boolean dryRun) {}

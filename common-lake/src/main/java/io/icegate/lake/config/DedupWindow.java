package io.icegate.lake.config;

import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code icegate.wal.dedup-window}: how long a stored batch id still suppresses a retried batch
 * (default 15 min). One key read alike by the shifter (which index entries to load), the lake view
 * (which committed batch ids hide WAL rows) and maintenance (what WAL cleanup and snapshot expiry
 * must keep): if they disagreed, a retry could be stored twice or a row hidden. The two keys it had
 * before ({@code icegate.shift.dedup-window}, {@code icegate.maintain.dedup-window}) are still
 * read, with a deprecation warning, when the new one is not set.
 *
 * @param value the window
 */
@Singleton
public record DedupWindow(Duration value) {
  public static final String KEY = "icegate.wal.dedup-window";
  public static final Duration DEFAULT = Duration.ofMinutes(15);
  static final List<String> DEPRECATED_KEYS =
      List.of("icegate.shift.dedup-window", "icegate.maintain.dedup-window");
  private static final Logger LOG = LoggerFactory.getLogger(DedupWindow.class);

  public DedupWindow {
    ConfigChecks.notNegative(KEY, value);
  }

  @Inject
  public DedupWindow(PropertyResolver properties) {
    this(resolve(properties));
  }

  public static DedupWindow defaults() {
    return new DedupWindow(DEFAULT);
  }

  private static Duration resolve(PropertyResolver properties) {
    Duration chosen = properties.getProperty(KEY, Duration.class).orElse(null);
    String source = KEY;
    for (String old : DEPRECATED_KEYS) {
      Optional<Duration> value = properties.getProperty(old, Duration.class);
      if (value.isEmpty()) {
        continue;
      }
      if (chosen == null) {
        chosen = value.get();
        source = old;
        LOG.warn("{} is deprecated: set {} instead (read by ingest, query and maintain)", old, KEY);
      } else if (!chosen.equals(value.get())) {
        LOG.warn("{} is deprecated and ignored: {} sets the window to {}", old, source, chosen);
      }
    }
    return chosen == null ? DEFAULT : chosen;
  }
}

package io.icegate.maintain.retention;

import io.icegate.lake.wal.WalSignal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Retention periods by signal, for one tenant or as the default; a signal without an entry falls
 * back to the next source (see {@link RetentionRules}).
 */
public record RetentionPolicy(Map<WalSignal, RetentionPeriod> periods) {
  public static final RetentionPolicy EMPTY = new RetentionPolicy(Map.of());

  public RetentionPolicy {
    EnumMap<WalSignal, RetentionPeriod> copy = new EnumMap<>(WalSignal.class);
    copy.putAll(periods);
    periods = Collections.unmodifiableMap(copy);
  }

  /**
   * Parses {@code {signal: period}} as an operator writes it (configuration or REST body).
   *
   * @param source prefix of the field named in errors (a configuration key prefix; empty for a REST
   *     body, whose fields are the signals)
   * @throws InvalidRetentionException naming the unknown signal or the bad period
   */
  public static RetentionPolicy parse(Map<String, ?> values, String source) {
    Map<WalSignal, RetentionPeriod> periods = new EnumMap<>(WalSignal.class);
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      String field = source.isEmpty() ? entry.getKey() : source + "." + entry.getKey();
      WalSignal signal;
      try {
        signal = WalSignal.of(entry.getKey());
      } catch (IllegalArgumentException e) {
        throw new InvalidRetentionException(field, e.getMessage());
      }
      if (!(entry.getValue() instanceof String text)) {
        throw new InvalidRetentionException(
            field, "expected a duration string such as \"30d\", got " + entry.getValue());
      }
      try {
        periods.put(signal, RetentionPeriod.parse(text));
      } catch (IllegalArgumentException e) {
        throw new InvalidRetentionException(field, e.getMessage());
      }
    }
    return new RetentionPolicy(periods);
  }

  /** As written: {@code {"logs": "30d", ...}} in signal order. */
  public Map<String, String> texts() {
    Map<String, String> texts = new LinkedHashMap<>();
    periods.forEach((signal, period) -> texts.put(signal.id(), period.text()));
    return texts;
  }
}

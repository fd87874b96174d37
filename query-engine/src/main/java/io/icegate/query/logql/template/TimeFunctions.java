package io.icegate.query.logql.template;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Date and time functions: {@code now date toDate toDateInZone unixEpoch unixEpochMillis
 * unixEpochNanos unixToTime __timestamp__}. Loki uses the server's local zone where a zone is
 * implied; IceGate's is always UTC, so queries answer the same on every host.
 */
final class TimeFunctions {
  private TimeFunctions() {}

  static void register(Map<String, TemplateFunction> f) {
    f.put(
        "now",
        (a, c) -> {
          Args.count("now", a, 0);
          return new GoTime(Instant.now(), ZoneOffset.UTC);
        });
    f.put(
        "__timestamp__",
        (a, c) -> {
          Args.count("__timestamp__", a, 0);
          return GoTime.ofEpochNanos(c.timestampNanos());
        });
    f.put(
        "__line__",
        (a, c) -> {
          Args.count("__line__", a, 0);
          return c.line();
        });
    f.put(
        "date",
        (a, c) -> {
          Args.count("date", a, 2);
          return GoTimeLayout.format(asTime(a[1]), Args.string(a[0]));
        });
    f.put(
        "toDate",
        (a, c) -> {
          Args.count("toDate", a, 2);
          return parseOrZero(Args.string(a[0]), Args.string(a[1]), ZoneOffset.UTC);
        });
    f.put(
        "toDateInZone",
        (a, c) -> {
          Args.count("toDateInZone", a, 3);
          return parseOrZero(Args.string(a[0]), Args.string(a[2]), zone(Args.string(a[1])));
        });
    f.put(
        "unixEpoch",
        (a, c) -> {
          Args.count("unixEpoch", a, 1);
          return Long.toString(Args.time(a[0]).unixSeconds());
        });
    f.put(
        "unixEpochMillis",
        (a, c) -> {
          Args.count("unixEpochMillis", a, 1);
          return Long.toString(Args.time(a[0]).unixMillis());
        });
    f.put(
        "unixEpochNanos",
        (a, c) -> {
          Args.count("unixEpochNanos", a, 1);
          return Long.toString(Args.time(a[0]).unixNanos());
        });
    f.put(
        "unixToTime",
        (a, c) -> {
          Args.count("unixToTime", a, 1);
          return unixToTime(Args.string(a[0]));
        });
  }

  /** sprig's {@code date} accepts a time or unix seconds. */
  private static GoTime asTime(Object v) {
    if (v instanceof GoTime t) {
      return t;
    }
    if (v instanceof Long seconds) {
      return new GoTime(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
    }
    throw Args.wrongType("time.Time", v);
  }

  private static GoTime parseOrZero(String layout, String value, ZoneId zone) {
    try {
      return GoTimeLayout.parse(layout, value, zone);
    } catch (IllegalArgumentException e) {
      return GoTime.ZERO;
    }
  }

  private static ZoneId zone(String name) {
    if (name.equals("Local") || name.equals("UTC") || name.isEmpty()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(name);
    } catch (java.time.DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  /** Loki's unixToTime: the digit count tells days (5), s (10), ms (13), µs (16) or ns (19). */
  static GoTime unixToTime(String epoch) {
    long v;
    try {
      v = Long.parseLong(epoch);
    } catch (NumberFormatException e) {
      throw new TemplateException(
          "parse unix timestamp \""
              + epoch
              + "\": strconv.ParseInt: parsing \""
              + epoch
              + "\": invalid syntax");
    }
    long nanos =
        switch (epoch.length()) {
          case 5 -> v * 86_400L * 1_000_000_000L;
          case 10 -> v * 1_000_000_000L;
          case 13 -> v * 1_000_000L;
          case 16 -> v * 1_000L;
          case 19 -> v;
          default -> throw new TemplateException("invalid unix timestamp \"" + epoch + "\"");
        };
    return GoTime.ofEpochNanos(nanos);
  }
}

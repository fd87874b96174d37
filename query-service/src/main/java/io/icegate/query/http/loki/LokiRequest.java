package io.icegate.query.http.loki;

import io.icegate.query.loki.Direction;
import io.icegate.query.loki.LokiBadRequestException;
import io.icegate.query.loki.LokiConfiguration;
import io.micronaut.core.convert.value.ConvertibleMultiValues;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one call to a Loki endpoint: the query string plus the body of a form POST
 * ({@code application/x-www-form-urlencoded}), as Go's {@code r.Form} merges them (body values
 * first), or the query string of a WebSocket upgrade. Unknown parameters are ignored. Parsing
 * follows Loki's {@code pkg/loghttp/params.go}.
 */
public final class LokiRequest {
  private static final long MAX_POINTS = 11_000;

  private final Map<String, List<String>> values;

  private LokiRequest(Map<String, List<String>> values) {
    this.values = values;
  }

  public static LokiRequest of(HttpRequest<?> request, byte[] body) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    boolean form =
        request
            .getContentType()
            .map(type -> type.getName().equals(MediaType.APPLICATION_FORM_URLENCODED))
            .orElse(false);
    if (form && body != null && body.length > 0) {
      decode(new String(body, StandardCharsets.UTF_8), values);
    }
    add(request.getParameters(), values);
    return new LokiRequest(values);
  }

  /** The parameters of a WebSocket upgrade request (query string only). */
  public static LokiRequest of(ConvertibleMultiValues<String> parameters) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    add(parameters, values);
    return new LokiRequest(values);
  }

  private static void add(
      ConvertibleMultiValues<String> parameters, Map<String, List<String>> values) {
    parameters
        .asMap()
        .forEach((name, list) -> values.computeIfAbsent(name, k -> new ArrayList<>()).addAll(list));
  }

  private static void decode(String form, Map<String, List<String>> values) {
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException e) {
        throw new LokiBadRequestException("invalid form body: " + e.getMessage());
      }
    }
  }

  /** The first non-empty value of a parameter. */
  public Optional<String> get(String name) {
    return values.getOrDefault(name, List.of()).stream().filter(v -> !v.isEmpty()).findFirst();
  }

  /** Every non-empty value of a parameter ({@code match[]}). */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of()).stream().filter(v -> !v.isEmpty()).toList();
  }

  public String required(String name) {
    return get(name)
        .orElseThrow(() -> new LokiBadRequestException(name + " parameter is required"));
  }

  /** The required {@code query}, refused above {@code icegate.loki.max-query-length}. */
  public String query(LokiConfiguration config) {
    return checkedQuery(required("query"), config);
  }

  /** {@code query} itself, refused when longer than {@code icegate.loki.max-query-length}. */
  public static String checkedQuery(String query, LokiConfiguration config) {
    if (query.length() > config.maxQueryLength()) {
      throw new LokiBadRequestException(
          "the query is "
              + query.length()
              + " characters long, more than the limit of "
              + config.maxQueryLength()
              + " (icegate.loki.max-query-length)");
    }
    return query;
  }

  /** {@code limit} (default 100), refused above {@code icegate.loki.max-limit}. */
  public int limit(LokiConfiguration config) {
    int limit = integer("limit").orElse(100);
    if (limit <= 0) {
      throw new LokiBadRequestException("limit must be a positive value");
    }
    if (limit > config.maxLimit()) {
      throw new LokiBadRequestException(
          "max entries limit per query exceeded, limit > max_entries_limit ("
              + limit
              + " > "
              + config.maxLimit()
              + ") (icegate.loki.max-limit)");
    }
    return limit;
  }

  /** {@code direction}, default {@code backward}. */
  public Direction direction() {
    return get("direction").map(Direction::parse).orElse(Direction.BACKWARD);
  }

  public Optional<Long> time(String name) {
    return get(name).map(value -> LokiTime.parseTime(name, value));
  }

  public Optional<Long> duration(String name) {
    return get(name).map(value -> LokiTime.parseDuration(name, value));
  }

  /** An integer, refused with Go's {@code strconv.Atoi} message as Loki does ({@code limit}). */
  public Optional<Integer> integer(String name) {
    return get(name)
        .map(
            value -> {
              try {
                return Integer.parseInt(value);
              } catch (NumberFormatException e) {
                throw new LokiBadRequestException(
                    "invalid parameter '"
                        + name
                        + "': strconv.Atoi: parsing \""
                        + value
                        + "\": invalid syntax");
              }
            });
  }

  /** A positive integer parameter, at most {@code max} (its configuration key named if not). */
  public Optional<Integer> positive(String name, int max, String key) {
    return get(name)
        .map(
            value -> {
              int number;
              try {
                number = Integer.parseInt(value.trim());
              } catch (NumberFormatException e) {
                throw new LokiBadRequestException(
                    "invalid parameter '" + name + "': \"" + value + "\" is not an integer");
              }
              if (number <= 0) {
                throw new LokiBadRequestException(
                    "invalid parameter '" + name + "': must be a positive integer");
              }
              if (number > max) {
                throw new LokiBadRequestException(
                    "invalid parameter '"
                        + name
                        + "': "
                        + number
                        + " is above the limit of "
                        + max
                        + " ("
                        + key
                        + ")");
              }
              return number;
            });
  }

  /**
   * {@code start} and {@code end} as Loki's {@code bounds}: end defaults to now, start to {@code
   * since} (default {@code defaultSinceNanos}) before end, or before now if end is in the future;
   * end before start is refused.
   */
  public TimeRange bounds(long nowNanos, long defaultSinceNanos) {
    long since = duration("since").orElse(defaultSinceNanos);
    long end = time("end").orElse(nowNanos);
    long start = time("start").orElse(Math.min(end, nowNanos) - since);
    if (end < start) {
      throw new LokiBadRequestException("end timestamp must not be before or equal to start time");
    }
    return new TimeRange(start, end);
  }

  /**
   * The {@code step} of a range query over {@code range}: default range/250 (at least 1 s) as
   * Loki's {@code defaultQueryRangeStep}; a step that is not positive, or more than 11,000 points,
   * is refused with Loki's message.
   */
  public long step(TimeRange range) {
    long width = range.end() - range.start();
    long step = duration("step").orElse(Math.max(width / 250 / 1_000_000_000L, 1) * 1_000_000_000L);
    if (step <= 0) {
      throw new LokiBadRequestException(
          "zero or negative query resolution step widths are not accepted. Try a positive integer");
    }
    if (width / step > MAX_POINTS) {
      throw new LokiBadRequestException(
          "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query"
              + " resolution (?step=XX)");
    }
    return step;
  }

  /** A closed time range in nanoseconds. */
  public record TimeRange(long start, long end) {}
}

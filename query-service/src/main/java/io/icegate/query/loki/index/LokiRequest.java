package io.icegate.query.loki.index;

import io.icegate.query.loki.LokiAccess;
import io.icegate.query.loki.LokiBadRequestException;
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
 * The parameters of one call to the index, detected and tail endpoints: the query string plus a
 * form POST body (body values first, as Go's {@code r.Form}); unknown parameters are ignored.
 */
public final class LokiRequest {
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

  public String required(String name) {
    return get(name)
        .orElseThrow(() -> new LokiBadRequestException(name + " parameter is required"));
  }

  public Optional<Long> time(String name) {
    return get(name).map(value -> LokiAccess.parseTime(name, value));
  }

  public Optional<Long> duration(String name) {
    return get(name).map(value -> LokiAccess.parseDuration(name, value));
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
   * since} (default {@code defaultSinceNanos}) before end; end before start is refused.
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

  /** A closed time range in nanoseconds. */
  public record TimeRange(long start, long end) {}
}

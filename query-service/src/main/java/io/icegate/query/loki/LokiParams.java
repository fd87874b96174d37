package io.icegate.query.loki;

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
 * The parameters of a Loki API request: the query string, plus the body of a form POST ({@code
 * application/x-www-form-urlencoded}), as Go's {@code r.Form} merges them (body values first).
 * Unknown parameters are ignored.
 */
final class LokiParams {
  private final Map<String, List<String>> values;

  private LokiParams(Map<String, List<String>> values) {
    this.values = values;
  }

  static LokiParams of(HttpRequest<?> request, byte[] body) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    boolean form =
        request
            .getContentType()
            .map(type -> type.getName().equals(MediaType.APPLICATION_FORM_URLENCODED))
            .orElse(false);
    if (form && body != null && body.length > 0) {
      decode(new String(body, StandardCharsets.UTF_8), values);
    }
    request
        .getParameters()
        .asMap()
        .forEach((name, list) -> values.computeIfAbsent(name, k -> new ArrayList<>()).addAll(list));
    return new LokiParams(values);
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
  Optional<String> get(String name) {
    return values.getOrDefault(name, List.of()).stream().filter(v -> !v.isEmpty()).findFirst();
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of()).stream().filter(v -> !v.isEmpty()).toList();
  }

  Optional<Long> time(String name) {
    return get(name).map(value -> LokiTime.parseTime(name, value));
  }

  Optional<Long> duration(String name) {
    return get(name).map(value -> LokiTime.parseDuration(name, value));
  }

  Optional<Integer> integer(String name) {
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

  /**
   * {@code start} and {@code end} as Loki's {@code bounds}: end defaults to now; start to {@code
   * since} (or {@code defaultSince}) before end, or before now if end is in the future.
   */
  long[] bounds(long nowNanos, long defaultSinceNanos) {
    long since = duration("since").orElse(defaultSinceNanos);
    long end = time("end").orElse(nowNanos);
    long endOrNow = Math.min(end, nowNanos);
    long start = time("start").orElse(endOrNow - since);
    return new long[] {start, end};
  }
}

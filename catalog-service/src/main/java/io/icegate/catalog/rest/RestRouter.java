package io.icegate.catalog.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.rest.Endpoint;

/**
 * Matches a method and a raw (still percent-encoded) path against Iceberg's {@link Endpoint}
 * templates. Path variables are returned encoded, so a namespace keeps its {@code %1F} separators
 * and a name may carry an encoded '/'.
 */
final class RestRouter<H> {
  private final List<Route<H>> routes = new ArrayList<>();

  void add(Endpoint endpoint, H handler) {
    routes.add(new Route<>(endpoint, segments(endpoint.path()), handler));
  }

  List<Endpoint> endpoints() {
    return routes.stream().map(Route::endpoint).toList();
  }

  /** The handler and the raw path variables of the route; 404 or 405 when there is none. */
  Match<H> match(String method, String rawPath) {
    String[] path = segments(rawPath);
    boolean pathMatched = false;
    for (Route<H> route : routes) {
      Map<String, String> variables = route.variables(path);
      if (variables != null) {
        if (route.endpoint().httpMethod().equalsIgnoreCase(method)) {
          return new Match<>(route.handler(), variables);
        }
        pathMatched = true;
      }
    }
    if (pathMatched) {
      throw new MethodNotAllowed("Method " + method + " is not allowed on " + rawPath);
    }
    throw new NoRoute("No route for " + method + " " + rawPath);
  }

  private static String[] segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.split("/", -1);
  }

  record Match<H>(H handler, Map<String, String> variables) {}

  private record Route<H>(Endpoint endpoint, String[] template, H handler) {
    Map<String, String> variables(String[] path) {
      if (path.length != template.length) {
        return null;
      }
      Map<String, String> variables = new HashMap<>();
      for (int i = 0; i < template.length; i++) {
        String part = template[i];
        if (part.startsWith("{") && part.endsWith("}")) {
          if (path[i].isEmpty()) {
            return null;
          }
          variables.put(part.substring(1, part.length() - 1), path[i]);
        } else if (!part.equals(path[i])) {
          return null;
        }
      }
      return variables;
    }
  }

  /** No route has this path: HTTP 404. */
  static final class NoRoute extends RuntimeException {
    NoRoute(String message) {
      super(message);
    }
  }

  /** A route has this path but not this method: HTTP 405. */
  static final class MethodNotAllowed extends RuntimeException {
    MethodNotAllowed(String message) {
      super(message);
    }
  }
}

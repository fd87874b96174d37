package io.icegate.rules.http;

import io.icegate.lake.runtime.IceGateService;
import io.icegate.lake.runtime.ServiceRuntime;
import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectStore;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One service context serving the rules library on a random port over a local lake folder, and the
 * raw HTTP calls Grafana and the tools make (no Accept, no Content-Type unless given).
 */
final class RulesServer implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final ApplicationContext context;

  private RulesServer(ApplicationContext context) {
    this.context = context;
  }

  static RulesServer start(IceGateService service, Path root, Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>();
    all.put("micronaut.server.port", -1);
    all.put("icegate.storage.type", "local");
    all.put("icegate.storage.root", root.toString());
    all.putAll(properties);
    return new RulesServer(ServiceRuntime.start(service, all));
  }

  String base() {
    return "http://127.0.0.1:" + ServiceRuntime.httpPort(context);
  }

  /** Every object key under {@code rules/}: what was stored. */
  List<String> storedKeys() {
    try (Stream<ObjectInfo> objects = context.getBean(ObjectStore.class).list("rules/")) {
      return objects.map(ObjectInfo::key).toList();
    }
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).GET(), headers);
  }

  HttpResponse<String> post(String path, String body, String... headers) {
    return send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
        headers);
  }

  HttpResponse<String> put(String path, String body, String... headers) {
    return send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
        headers);
  }

  HttpResponse<String> delete(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).DELETE(), headers);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  @Override
  public void close() {
    context.close();
  }

  static Map<String, Object> props(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}

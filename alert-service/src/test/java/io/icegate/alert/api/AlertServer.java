package io.icegate.alert.api;

import io.icegate.alert.AlertApplication;
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

/** The real alert service on a random port over a local lake folder, and raw HTTP calls to it. */
final class AlertServer implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final ApplicationContext context;

  private AlertServer(ApplicationContext context) {
    this.context = context;
  }

  static AlertServer start(Path root) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("micronaut.server.port", -1);
    properties.put("icegate.storage.type", "local");
    properties.put("icegate.storage.root", root.toString());
    return new AlertServer(AlertApplication.start(properties));
  }

  List<String> storedKeys() {
    try (Stream<ObjectInfo> objects = context.getBean(ObjectStore.class).list("rules/")) {
      return objects.map(ObjectInfo::key).toList();
    }
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  HttpResponse<String> put(String path, String body, String... headers) {
    return send(
        request(path, headers)
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  HttpResponse<String> delete(String path, String... headers) {
    return send(request(path, headers).DELETE());
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + ServiceRuntime.httpPort(context) + path));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}

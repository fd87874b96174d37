package org.apache.iceberg.rest;

import io.icegate.catalog.CatalogApplication;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.runtime.ServiceRuntime;
import io.icegate.lake.store.S3ProxyExtension;
import io.icegate.lake.store.StorageSettings;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * A running catalog-service for Iceberg's suites, on the local store or in a fresh prefix of an
 * S3Proxy bucket, and the {@link RESTCatalog} clients a test opens against it. The S3 clients get
 * only the credentials from the test; endpoint, path-style access and region come from the
 * service's table config, as for any other reader.
 */
final class CatalogServiceFixture implements AutoCloseable {
  private final ApplicationContext service;
  private final String uri;
  private final String rootLocation;
  private final Map<String, String> clientProperties;
  private final List<RESTCatalog> clients = new ArrayList<>();

  private CatalogServiceFixture(
      Map<String, Object> configuration,
      String rootLocation,
      Map<String, String> clientProperties) {
    Map<String, Object> all = new HashMap<>(configuration);
    all.put("micronaut.server.port", -1);
    this.service = CatalogApplication.start(all);
    this.uri = "http://127.0.0.1:" + ServiceRuntime.httpPort(service);
    this.rootLocation = rootLocation;
    this.clientProperties = Map.copyOf(clientProperties);
  }

  /** catalog-service on a local folder, with {@code extra} configuration. */
  static CatalogServiceFixture local(Path root, Map<String, Object> extra) {
    Map<String, Object> configuration = new HashMap<>(extra);
    configuration.put("icegate.storage.type", "local");
    configuration.put("icegate.storage.root", root.toString());
    return new CatalogServiceFixture(
        configuration, StorageSettings.local(root).rootLocation(), Map.of());
  }

  /** catalog-service in a fresh prefix of the S3Proxy bucket, with {@code extra} configuration. */
  static CatalogServiceFixture s3(S3ProxyExtension s3, Map<String, Object> extra) {
    StorageSettings settings = s3.settings();
    Map<String, Object> configuration = new HashMap<>(extra);
    configuration.put("icegate.storage.type", "s3");
    configuration.put("icegate.storage.bucket", s3.bucket());
    configuration.put("icegate.storage.prefix", settings.prefix());
    configuration.put("icegate.storage.endpoint", s3.endpoint().toString());
    configuration.put("icegate.storage.path-style", true);
    configuration.put("icegate.storage.access-key", settings.accessKey().orElseThrow());
    configuration.put("icegate.storage.secret-key", settings.secretKey().orElseThrow());
    return new CatalogServiceFixture(
        configuration,
        settings.rootLocation(),
        Map.of(
            "s3.access-key-id", settings.accessKey().orElseThrow(),
            "s3.secret-access-key", settings.secretKey().orElseThrow()));
  }

  String uri() {
    return uri;
  }

  /** The lake root URI every location of this service starts with. */
  String rootLocation() {
    return rootLocation;
  }

  ApplicationContext service() {
    return service;
  }

  /** A new client; closed by {@link #closeClients}. */
  RESTCatalog newClient(String name, Map<String, String> properties) {
    Map<String, String> merged = new HashMap<>(clientProperties);
    merged.putAll(properties);
    merged.put(CatalogProperties.URI, uri);
    RESTCatalog client = new RESTCatalog();
    client.initialize(name, merged);
    clients.add(client);
    return client;
  }

  /** Closes the clients and drops every view, table and namespace through the embedded catalog. */
  void reset() {
    for (RESTCatalog client : clients) {
      try {
        client.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    clients.clear();
    dropAll(service.getBean(ObjectStoreCatalog.class), Namespace.empty());
  }

  private static void dropAll(ObjectStoreCatalog embedded, Namespace namespace) {
    for (Namespace child : embedded.listNamespaces(namespace)) {
      dropAll(embedded, child);
    }
    if (namespace.isEmpty() && !embedded.namespaceExists(namespace)) {
      return;
    }
    for (TableIdentifier view : embedded.listViews(namespace)) {
      embedded.dropView(view);
    }
    for (TableIdentifier table : embedded.listTables(namespace)) {
      embedded.dropTable(table, false);
    }
    embedded.dropNamespace(namespace);
  }

  @Override
  public void close() {
    reset();
    service.close();
  }
}

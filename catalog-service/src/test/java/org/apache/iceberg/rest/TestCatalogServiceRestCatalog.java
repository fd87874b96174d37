package org.apache.iceberg.rest;

import io.icegate.catalog.CatalogApplication;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.runtime.ServiceRuntime;
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
import org.apache.iceberg.catalog.CatalogTests;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Iceberg's own {@link CatalogTests} through Iceberg's {@link RESTCatalog} client against a running
 * catalog-service on the local store. One service runs for the class (starting one per test would
 * dominate the run time); after each test every view, table and namespace is dropped through the
 * embedded catalog, so each test starts from an empty catalog as the suite expects. Capability
 * flags are justified in docs/catalog.md.
 */
public class TestCatalogServiceRestCatalog extends CatalogTests<RESTCatalog> {
  @TempDir static Path root;

  private static ApplicationContext service;
  private static String uri;

  private final List<RESTCatalog> clients = new ArrayList<>();
  private RESTCatalog catalog;

  @BeforeAll
  static void startService() {
    service =
        CatalogApplication.start(
            Map.of(
                "micronaut.server.port",
                -1,
                "icegate.storage.type",
                "local",
                "icegate.storage.root",
                root.toString()));
    uri = "http://127.0.0.1:" + ServiceRuntime.httpPort(service);
  }

  @AfterAll
  static void stopService() {
    if (service != null) {
      service.close();
    }
  }

  @BeforeEach
  void createCatalog() {
    catalog =
        initCatalog(
            "rest",
            Map.of(
                CatalogProperties.TABLE_DEFAULT_PREFIX + "default-key1", "catalog-default-key1",
                CatalogProperties.TABLE_DEFAULT_PREFIX + "default-key2", "catalog-default-key2",
                CatalogProperties.TABLE_DEFAULT_PREFIX + "override-key3", "catalog-default-key3",
                CatalogProperties.TABLE_OVERRIDE_PREFIX + "override-key3", "catalog-override-key3",
                CatalogProperties.TABLE_OVERRIDE_PREFIX + "override-key4",
                    "catalog-override-key4"));
  }

  @AfterEach
  void emptyCatalog() {
    for (RESTCatalog client : clients) {
      try {
        client.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    clients.clear();
    ObjectStoreCatalog embedded = service.getBean(ObjectStoreCatalog.class);
    dropAll(embedded, Namespace.empty());
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
  protected RESTCatalog catalog() {
    return catalog;
  }

  @Override
  protected RESTCatalog initCatalog(String name, Map<String, String> properties) {
    Map<String, String> merged = new HashMap<>(properties);
    merged.put(CatalogProperties.URI, uri);
    RESTCatalog client = new RESTCatalog();
    client.initialize(name, merged);
    clients.add(client);
    return client;
  }

  @Override
  protected boolean requiresNamespaceCreate() {
    return true;
  }

  @Override
  protected boolean supportsNestedNamespaces() {
    return true;
  }

  /** CatalogHandlers re-applies a commit to fresh metadata when its requirements still hold. */
  @Override
  protected boolean supportsServerSideRetry() {
    return true;
  }

  /** Requested locations must lie in the lake: the suite's default {@code file:/tmp} does not. */
  @Override
  protected String baseTableLocation(TableIdentifier identifier) {
    return StorageSettings.local(root).rootLocation()
        + "/custom/"
        + identifier.namespace()
        + "/"
        + identifier.name();
  }
}

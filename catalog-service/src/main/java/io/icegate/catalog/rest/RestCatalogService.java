package io.icegate.catalog.rest;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.catalog.ImmutableTableCommit;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.CatalogHandlers;
import org.apache.iceberg.rest.Endpoint;
import org.apache.iceberg.rest.RESTCatalogProperties;
import org.apache.iceberg.rest.RESTUtil;
import org.apache.iceberg.rest.requests.CommitTransactionRequest;
import org.apache.iceberg.rest.requests.CreateNamespaceRequest;
import org.apache.iceberg.rest.requests.CreateTableRequest;
import org.apache.iceberg.rest.requests.CreateViewRequest;
import org.apache.iceberg.rest.requests.RegisterTableRequest;
import org.apache.iceberg.rest.requests.RegisterViewRequest;
import org.apache.iceberg.rest.requests.RenameTableRequest;
import org.apache.iceberg.rest.requests.ReportMetricsRequest;
import org.apache.iceberg.rest.requests.UpdateNamespacePropertiesRequest;
import org.apache.iceberg.rest.requests.UpdateTableRequest;
import org.apache.iceberg.rest.responses.ConfigResponse;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.apache.iceberg.rest.responses.LoadTableResponse;

/**
 * Iceberg's REST catalog API over the embedded {@link ObjectStoreCatalog}, independent of the HTTP
 * server: a call is a method, a raw path, its query parameters and body; the answer is a status and
 * a JSON body. Handlers are iceberg-core's {@link CatalogHandlers}; the multi-table transaction,
 * which iceberg-core has no atomic handler for, commits one root version through {@link
 * ObjectStoreCatalog#commitTransaction}. Every failure becomes an {@code ErrorResponse} in {@link
 * RestErrors}.
 */
public final class RestCatalogService {
  static final String CONFIG_PATH = "/v1/config";
  // Iceberg's default namespace separator in paths (RESTUtil's own constant is package-private).
  private static final String NAMESPACE_SEPARATOR = "%1F";

  private final ObjectStoreCatalog catalog;
  private final String prefix;
  private final Map<String, String> defaults;
  private final Map<String, String> overrides;
  private final Map<String, String> tableConfig;
  private final RestJson json = new RestJson();
  private final RestRouter<Handler> router = new RestRouter<>();

  /**
   * @param catalog the catalog served
   * @param prefix the path prefix the config endpoint announces and every route checks
   * @param defaults client defaults the config endpoint returns
   * @param overrides client overrides the config endpoint returns (the prefix is added)
   * @param tableConfig what every table load and create returns in {@code config}: the settings a
   *     reader needs for the store (S3 endpoint, path style, region)
   */
  public RestCatalogService(
      ObjectStoreCatalog catalog,
      String prefix,
      Map<String, String> defaults,
      Map<String, String> overrides,
      Map<String, String> tableConfig) {
    this.catalog = catalog;
    this.prefix = prefix;
    // HashMaps: Iceberg's builders probe them with null keys, which Map.copyOf's maps reject.
    this.defaults = new HashMap<>(defaults);
    this.overrides = new HashMap<>(overrides);
    this.tableConfig = new HashMap<>(tableConfig);
    registerRoutes();
  }

  /** A call's inputs: raw path variables, decoded query parameters and the body. */
  record Call(Map<String, String> variables, Map<String, String> query, byte[] body) {
    Namespace namespace() {
      try {
        return RestNames.check(
            RESTUtil.decodeNamespace(variables.get("namespace"), NAMESPACE_SEPARATOR));
      } catch (RestJson.BadRequest e) {
        throw e;
      } catch (RuntimeException e) {
        throw new RestJson.BadRequest("Invalid namespace in path: " + e.getMessage());
      }
    }

    TableIdentifier identifier(String variable) {
      String name;
      try {
        name = RESTUtil.decodeString(variables.get(variable));
      } catch (RuntimeException e) {
        throw new RestJson.BadRequest("Invalid name in path: " + e.getMessage());
      }
      return RestNames.check(TableIdentifier.of(namespace(), name));
    }
  }

  @FunctionalInterface
  interface Handler {
    RestResult handle(Call call);
  }

  /** Answers one call; never throws. */
  public RestResult handle(String method, String rawPath, Map<String, String> query, byte[] body) {
    try {
      if (rawPath.equals(CONFIG_PATH) || rawPath.equals(CONFIG_PATH + "/")) {
        if (!method.equalsIgnoreCase("GET")) {
          throw new RestRouter.MethodNotAllowed(
              "Method " + method + " is not allowed on " + rawPath);
        }
        return ok(config());
      }
      RestRouter.Match<Handler> match = router.match(method, rawPath);
      if (!prefix.equals(match.variables().get("prefix"))) {
        throw new RestRouter.NoRoute("Unknown catalog prefix in " + rawPath);
      }
      return match.handler().handle(new Call(match.variables(), query, body));
    } catch (Throwable e) {
      if (e instanceof Error && !(e instanceof StackOverflowError)) {
        throw (Error) e;
      }
      return error(e);
    }
  }

  /** The answer for a failure raised outside {@link #handle} (e.g. by the HTTP layer). */
  public RestResult error(Throwable failure) {
    int status = RestErrors.status(failure);
    return new RestResult(status, json.write(RestErrors.toResponse(failure)));
  }

  /** An error answer with the given status, type and message (for errors of the HTTP layer). */
  public RestResult error(int status, String type, String message) {
    return new RestResult(
        status,
        json.write(
            ErrorResponse.builder()
                .responseCode(status)
                .withType(type)
                .withMessage(message)
                .build()));
  }

  ConfigResponse config() {
    Map<String, String> announced = new HashMap<>(overrides);
    announced.put("prefix", prefix);
    return ConfigResponse.builder()
        .withDefaults(defaults)
        .withOverrides(announced)
        .withEndpoints(router.endpoints())
        .build();
  }

  private RestResult ok(Object response) {
    return new RestResult(200, json.write(response));
  }

  private void registerRoutes() {
    // Namespaces
    router.add(Endpoint.V1_LIST_NAMESPACES, this::listNamespaces);
    router.add(
        Endpoint.V1_CREATE_NAMESPACE,
        c ->
            ok(
                CatalogHandlers.createNamespace(
                    catalog, json.read(c.body(), CreateNamespaceRequest.class))));
    router.add(
        Endpoint.V1_LOAD_NAMESPACE, c -> ok(CatalogHandlers.loadNamespace(catalog, c.namespace())));
    router.add(
        Endpoint.V1_NAMESPACE_EXISTS,
        c -> {
          CatalogHandlers.namespaceExists(catalog, c.namespace());
          return RestResult.noContent();
        });
    router.add(
        Endpoint.V1_UPDATE_NAMESPACE,
        c ->
            ok(
                CatalogHandlers.updateNamespaceProperties(
                    catalog,
                    c.namespace(),
                    json.read(c.body(), UpdateNamespacePropertiesRequest.class))));
    router.add(
        Endpoint.V1_DELETE_NAMESPACE,
        c -> {
          CatalogHandlers.dropNamespace(catalog, c.namespace());
          return RestResult.noContent();
        });

    // Tables
    router.add(Endpoint.V1_LIST_TABLES, this::listTables);
    router.add(Endpoint.V1_CREATE_TABLE, this::createTable);
    router.add(Endpoint.V1_LOAD_TABLE, this::loadTable);
    router.add(
        Endpoint.V1_TABLE_EXISTS,
        c -> {
          CatalogHandlers.tableExists(catalog, c.identifier("table"));
          return RestResult.noContent();
        });
    router.add(
        Endpoint.V1_UPDATE_TABLE,
        c ->
            ok(
                CatalogHandlers.updateTable(
                    catalog,
                    c.identifier("table"),
                    json.read(c.body(), UpdateTableRequest.class))));
    router.add(
        Endpoint.V1_DELETE_TABLE,
        c -> {
          TableIdentifier identifier = c.identifier("table");
          if (Boolean.parseBoolean(c.query().get("purgeRequested"))) {
            CatalogHandlers.purgeTable(catalog, identifier);
          } else {
            CatalogHandlers.dropTable(catalog, identifier);
          }
          return RestResult.noContent();
        });
    router.add(
        Endpoint.V1_RENAME_TABLE,
        c -> {
          CatalogHandlers.renameTable(catalog, json.read(c.body(), RenameTableRequest.class));
          return RestResult.noContent();
        });
    router.add(
        Endpoint.V1_REGISTER_TABLE,
        c ->
            ok(
                withTableConfig(
                    CatalogHandlers.registerTable(
                        catalog, c.namespace(), json.read(c.body(), RegisterTableRequest.class)))));
    router.add(
        Endpoint.V1_REPORT_METRICS,
        c -> {
          c.identifier("table");
          json.read(c.body(), ReportMetricsRequest.class);
          return RestResult.noContent();
        });
    router.add(Endpoint.V1_COMMIT_TRANSACTION, this::commitTransaction);

    // Views
    router.add(Endpoint.V1_LIST_VIEWS, this::listViews);
    router.add(
        Endpoint.V1_CREATE_VIEW,
        c ->
            ok(
                CatalogHandlers.createView(
                    catalog, c.namespace(), json.read(c.body(), CreateViewRequest.class))));
    router.add(
        Endpoint.V1_LOAD_VIEW, c -> ok(CatalogHandlers.loadView(catalog, c.identifier("view"))));
    router.add(
        Endpoint.V1_VIEW_EXISTS,
        c -> {
          CatalogHandlers.viewExists(catalog, c.identifier("view"));
          return RestResult.noContent();
        });
    router.add(
        Endpoint.V1_UPDATE_VIEW,
        c ->
            ok(
                CatalogHandlers.updateView(
                    catalog, c.identifier("view"), json.read(c.body(), UpdateTableRequest.class))));
    router.add(
        Endpoint.V1_DELETE_VIEW,
        c -> {
          CatalogHandlers.dropView(catalog, c.identifier("view"));
          return RestResult.noContent();
        });
    router.add(
        Endpoint.V1_RENAME_VIEW,
        c -> {
          CatalogHandlers.renameView(catalog, json.read(c.body(), RenameTableRequest.class));
          return RestResult.noContent();
        });
    router.add(
        Endpoint.V1_REGISTER_VIEW,
        c ->
            ok(
                CatalogHandlers.registerView(
                    catalog, c.namespace(), json.read(c.body(), RegisterViewRequest.class))));
  }

  private RestResult listNamespaces(Call call) {
    String parent = call.query().get("parent");
    Namespace namespace =
        parent == null || parent.isEmpty()
            ? Namespace.empty()
            : RestNames.check(RESTUtil.namespaceFromQueryParam(parent));
    String pageSize = pageSize(call);
    if (pageSize == null) {
      return ok(CatalogHandlers.listNamespaces(catalog, namespace));
    }
    return ok(
        CatalogHandlers.listNamespaces(
            catalog, namespace, call.query().get("pageToken"), pageSize));
  }

  private RestResult listTables(Call call) {
    String pageSize = pageSize(call);
    if (pageSize == null) {
      return ok(CatalogHandlers.listTables(catalog, call.namespace()));
    }
    return ok(
        CatalogHandlers.listTables(
            catalog, call.namespace(), call.query().get("pageToken"), pageSize));
  }

  private RestResult listViews(Call call) {
    String pageSize = pageSize(call);
    if (pageSize == null) {
      return ok(CatalogHandlers.listViews(catalog, call.namespace()));
    }
    return ok(
        CatalogHandlers.listViews(
            catalog, call.namespace(), call.query().get("pageToken"), pageSize));
  }

  /** The requested page size, checked; {@code null} when the client asked for no pages. */
  private static String pageSize(Call call) {
    String pageSize = call.query().get("pageSize");
    if (pageSize == null || pageSize.isEmpty()) {
      return null;
    }
    int size;
    try {
      size = Integer.parseInt(pageSize);
    } catch (NumberFormatException e) {
      throw new RestJson.BadRequest("Invalid pageSize: " + pageSize);
    }
    if (size < 1) {
      throw new RestJson.BadRequest("Invalid pageSize: " + pageSize + " (must be at least 1)");
    }
    return pageSize;
  }

  private RestResult createTable(Call call) {
    Namespace namespace = call.namespace();
    CreateTableRequest request = json.read(call.body(), CreateTableRequest.class);
    if (request.stageCreate()) {
      return ok(withTableConfig(CatalogHandlers.stageTableCreate(catalog, namespace, request)));
    }
    return ok(withTableConfig(CatalogHandlers.createTable(catalog, namespace, request)));
  }

  private RestResult loadTable(Call call) {
    TableIdentifier identifier = call.identifier("table");
    String snapshots = call.query().get("snapshots");
    if (snapshots == null || snapshots.isEmpty()) {
      return ok(
          withTableConfig(
              CatalogHandlers.loadTable(
                  catalog, identifier, RESTCatalogProperties.SnapshotMode.ALL)));
    }
    RESTCatalogProperties.SnapshotMode mode;
    try {
      mode = RESTCatalogProperties.SnapshotMode.valueOf(snapshots.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RestJson.BadRequest("Invalid snapshots mode: " + snapshots);
    }
    return ok(withTableConfig(CatalogHandlers.loadTable(catalog, identifier, mode)));
  }

  /** The response with the store's reader settings added to its {@code config}. */
  private LoadTableResponse withTableConfig(LoadTableResponse response) {
    if (tableConfig.isEmpty()) {
      return response;
    }
    return LoadTableResponse.builder()
        .withTableMetadata(response.tableMetadata())
        .addAllConfig(response.config())
        .addAllConfig(tableConfig)
        .addAllCredentials(response.credentials())
        .build();
  }

  private RestResult commitTransaction(Call call) {
    CommitTransactionRequest request = json.read(call.body(), CommitTransactionRequest.class);
    List<TableCommit> commits = new ArrayList<>();
    for (UpdateTableRequest change : request.tableChanges()) {
      if (change.identifier() == null) {
        throw new RestJson.BadRequest("Every table change of a transaction needs an identifier");
      }
      commits.add(
          ImmutableTableCommit.builder()
              .identifier(change.identifier())
              .requirements(change.requirements())
              .updates(change.updates())
              .build());
    }
    catalog.commitTransaction(commits);
    return RestResult.noContent();
  }
}

package io.icegate.lake.catalog;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.io.LakeFileIO;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.store.ObjectStore;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.StaticTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.view.BaseMetastoreViewCatalog;
import org.apache.iceberg.view.ViewOperations;

/**
 * An Iceberg catalog without a database: the whole catalog state (namespaces and their properties,
 * tables, views) lives in a chain of immutable root versions in object storage, committed with
 * {@code putIfAbsent} alone (DESIGN.md §4, docs/catalog.md). Every process embedding it commits
 * directly to storage; several instances over the same store see one consistent catalog.
 *
 * <p>Table locations default to {@code {warehouse}/{namespace levels}/{table}-{uuid}}, always
 * unique, so a purge never touches files of a later table of the same name.
 */
public class ObjectStoreCatalog extends BaseMetastoreViewCatalog implements SupportsNamespaces {
  private final ObjectStore store;
  private final LakeLocations locations;
  private final LakeFileIO io;
  private final Clock clock;
  private final RootChain chain;
  private String name = "icegate";
  private Map<String, String> properties = Map.of();
  private String warehouse;
  private RootCommitter committer;

  public ObjectStoreCatalog(ObjectStore store, LakeLocations locations) {
    this(store, locations, Clock.systemUTC());
  }

  ObjectStoreCatalog(ObjectStore store, LakeLocations locations, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.locations = requireNonNull(locations, "locations is null");
    this.io = new LakeFileIO(store, locations);
    this.clock = requireNonNull(clock, "clock is null");
    this.chain = new RootChain(store);
    this.warehouse = locations.location("warehouse");
    this.committer = new RootCommitter(store, chain, CommitSettings.DEFAULTS, clock);
  }

  /**
   * Reads {@link CommitSettings} keys and {@code warehouse} (a location inside the lake root,
   * default {@code {root}/warehouse}) besides Iceberg's usual catalog properties.
   */
  @Override
  public void initialize(String catalogName, Map<String, String> props) {
    super.initialize(catalogName, props);
    this.name = catalogName == null ? "icegate" : catalogName;
    this.properties = Map.copyOf(props);
    String configured = props.get(CatalogProperties.WAREHOUSE_LOCATION);
    if (configured != null && !configured.isBlank()) {
      this.warehouse = locations.location(locations.key(configured.replaceAll("/+$", "")));
    }
    this.committer = new RootCommitter(store, chain, CommitSettings.fromProperties(props), clock);
  }

  @Override
  public String name() {
    return name;
  }

  /** The properties the catalog was initialized with. */
  @Override
  public Map<String, String> properties() {
    return properties;
  }

  public LakeFileIO io() {
    return io;
  }

  /** The newest root version (one listing request when nothing changed). */
  public RootHead currentRoot() {
    return chain.latest();
  }

  @Override
  protected TableOperations newTableOps(TableIdentifier identifier) {
    return new ObjectStoreTableOperations(identifier, name, chain, committer, io);
  }

  @Override
  protected ViewOperations newViewOps(TableIdentifier identifier) {
    return new ObjectStoreViewOperations(identifier, name, chain, committer, io);
  }

  @Override
  protected String defaultWarehouseLocation(TableIdentifier identifier) {
    String namespacePath =
        Arrays.stream(identifier.namespace().levels())
            .map(ObjectStoreCatalog::pathSegment)
            .map(level -> level + "/")
            .collect(Collectors.joining());
    String unique = UUID.randomUUID().toString().replace("-", "");
    return warehouse + "/" + namespacePath + pathSegment(identifier.name()) + "-" + unique;
  }

  /** Names may hold any character; paths keep a safe subset (the UUID keeps them unique). */
  private static String pathSegment(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9_-]", "_");
    return safe.isEmpty() ? "_" : safe;
  }

  @Override
  public List<TableIdentifier> listTables(Namespace namespace) {
    CatalogState state = chain.latest().state();
    requireNamespace(state, namespace);
    return state.tables(namespace);
  }

  @Override
  public boolean dropTable(TableIdentifier identifier, boolean purge) {
    TableOperations ops = newTableOps(identifier);
    TableMetadata last = purge ? currentOrNull(ops) : null;
    boolean dropped =
        committer
            .commit("drop table " + identifier, CatalogMutations.dropTable(identifier))
            .isPresent();
    if (dropped && last != null) {
      CatalogUtil.dropTableData(io, last);
    }
    return dropped;
  }

  @Override
  public void renameTable(TableIdentifier from, TableIdentifier to) {
    if (!from.equals(to)) {
      committer.commit("rename table " + from, CatalogMutations.renameTable(from, to));
    }
  }

  @Override
  public List<TableIdentifier> listViews(Namespace namespace) {
    CatalogState state = chain.latest().state();
    requireNamespace(state, namespace);
    return state.views(namespace);
  }

  @Override
  public boolean dropView(TableIdentifier identifier) {
    return committer
        .commit("drop view " + identifier, CatalogMutations.dropView(identifier))
        .isPresent();
  }

  @Override
  public void renameView(TableIdentifier from, TableIdentifier to) {
    if (!from.equals(to)) {
      committer.commit("rename view " + from, CatalogMutations.renameView(from, to));
    }
  }

  @Override
  public void createNamespace(Namespace namespace, Map<String, String> metadata) {
    committer.commit(
        "create namespace " + namespace, CatalogMutations.createNamespace(namespace, metadata));
  }

  @Override
  public List<Namespace> listNamespaces(Namespace namespace) {
    CatalogState state = chain.latest().state();
    int depth = namespace.levels().length;
    List<Namespace> children =
        state.namespaces().stream()
            .filter(n -> CatalogMutations.isChild(namespace, n))
            .map(n -> Namespace.of(Arrays.copyOf(n.levels(), depth + 1)))
            .distinct()
            .toList();
    // Like Iceberg's other catalogs, a namespace may be created below one that does not exist.
    if (!namespace.isEmpty() && children.isEmpty()) {
      requireNamespace(state, namespace);
    }
    return children;
  }

  /**
   * A copy that tolerates {@code containsKey(null)} (Iceberg's REST response builders ask it),
   * which the immutable maps of the catalog state do not.
   */
  @Override
  public Map<String, String> loadNamespaceMetadata(Namespace namespace) {
    return java.util.Collections.unmodifiableMap(
        new java.util.HashMap<>(
            chain
                .latest()
                .state()
                .namespaceProperties(namespace)
                .orElseThrow(
                    () ->
                        new NoSuchNamespaceException("Namespace does not exist: %s", namespace))));
  }

  @Override
  public boolean namespaceExists(Namespace namespace) {
    return chain.latest().state().namespaceExists(namespace);
  }

  @Override
  public boolean dropNamespace(Namespace namespace) {
    return committer
        .commit("drop namespace " + namespace, CatalogMutations.dropNamespace(namespace))
        .isPresent();
  }

  @Override
  public boolean setProperties(Namespace namespace, Map<String, String> props) {
    committer.commit(
        "namespace " + namespace, CatalogMutations.updateNamespace(namespace, props, Set.of()));
    return true;
  }

  @Override
  public boolean removeProperties(Namespace namespace, Set<String> props) {
    committer.commit(
        "namespace " + namespace, CatalogMutations.updateNamespace(namespace, Map.of(), props));
    return true;
  }

  /**
   * Commits changes to several tables as one root version: all of them take effect or none does.
   * Each commit's requirements are checked against the table's current metadata; a table changed by
   * someone else before the root version lands fails the whole transaction with {@code
   * CommitFailedException}.
   */
  public void commitTransaction(List<TableCommit> commits) {
    new MultiTableCommit(this::newTableOps, committer, name).commit(commits);
  }

  /**
   * Loads tables as one root version has them, so a reader sees a multi-table transaction wholly or
   * not at all. The tables are read-only snapshots: refreshing them does not move them.
   */
  public Map<TableIdentifier, Table> loadTables(List<TableIdentifier> identifiers) {
    CatalogState state = chain.latest().state();
    Map<TableIdentifier, Table> tables = new LinkedHashMap<>();
    for (TableIdentifier identifier : identifiers) {
      String location =
          state
              .table(identifier)
              .orElseThrow(() -> new NoSuchTableException("Table does not exist: %s", identifier))
              .getMetadataLocation();
      tables.put(
          identifier,
          new BaseTable(new StaticTableOperations(location, io), name + "." + identifier));
    }
    return tables;
  }

  /** Removes old root versions for maintain-service; see {@link RootVersionRetention}. */
  public RootVersionRetention retention() {
    return new RootVersionRetention(store, clock);
  }

  private static void requireNamespace(CatalogState state, Namespace namespace) {
    if (!state.namespaceExists(namespace)) {
      throw new NoSuchNamespaceException("Namespace does not exist: %s", namespace);
    }
  }

  private static TableMetadata currentOrNull(TableOperations ops) {
    try {
      return ops.current();
    } catch (NoSuchTableException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "ObjectStoreCatalog{" + name + " at " + locations.root() + "}";
  }
}

package io.icegate.lake.catalog;

import static java.util.Objects.requireNonNull;

import io.icegate.proto.v1.TableEntry;
import io.icegate.proto.v1.ViewEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * What one root version says exists: namespaces with their properties, tables and views with their
 * UUID and current metadata location. Immutable; changes go through {@link #toBuilder()}.
 */
public final class CatalogState {
  static final CatalogState EMPTY = new CatalogState(Map.of(), Map.of(), Map.of());

  static final Comparator<Namespace> NAMESPACE_ORDER =
      (a, b) -> Arrays.compare(a.levels(), b.levels());
  static final Comparator<TableIdentifier> IDENTIFIER_ORDER =
      Comparator.comparing(TableIdentifier::namespace, NAMESPACE_ORDER)
          .thenComparing(TableIdentifier::name);

  private final Map<Namespace, Map<String, String>> namespaces;
  private final Map<TableIdentifier, TableEntry> tables;
  private final Map<TableIdentifier, ViewEntry> views;

  CatalogState(
      Map<Namespace, Map<String, String>> namespaces,
      Map<TableIdentifier, TableEntry> tables,
      Map<TableIdentifier, ViewEntry> views) {
    this.namespaces = Collections.unmodifiableMap(namespaces);
    this.tables = Collections.unmodifiableMap(tables);
    this.views = Collections.unmodifiableMap(views);
  }

  public boolean namespaceExists(Namespace namespace) {
    return namespaces.containsKey(namespace);
  }

  public Optional<Map<String, String>> namespaceProperties(Namespace namespace) {
    return Optional.ofNullable(namespaces.get(namespace));
  }

  /** Every namespace, outermost levels first. */
  public List<Namespace> namespaces() {
    return namespaces.keySet().stream().sorted(NAMESPACE_ORDER).toList();
  }

  public Optional<TableEntry> table(TableIdentifier identifier) {
    return Optional.ofNullable(tables.get(identifier));
  }

  public Optional<ViewEntry> view(TableIdentifier identifier) {
    return Optional.ofNullable(views.get(identifier));
  }

  public List<TableIdentifier> tables(Namespace namespace) {
    return tables.keySet().stream()
        .filter(id -> id.namespace().equals(namespace))
        .sorted(IDENTIFIER_ORDER)
        .toList();
  }

  public List<TableIdentifier> views(Namespace namespace) {
    return views.keySet().stream()
        .filter(id -> id.namespace().equals(namespace))
        .sorted(IDENTIFIER_ORDER)
        .toList();
  }

  Map<TableIdentifier, TableEntry> allTables() {
    return tables;
  }

  Map<TableIdentifier, ViewEntry> allViews() {
    return views;
  }

  Map<Namespace, Map<String, String>> allNamespaces() {
    return namespaces;
  }

  /**
   * What differs from {@code previous}, as {@code namespace:…}, {@code table:…} and {@code view:…}
   * labels in a stable order: the {@code changed} field of a root version, for people and tools
   * reading the chain (commits decide conflicts by comparing entries, not by these labels).
   */
  List<String> changesFrom(CatalogState previous) {
    List<String> changes = new ArrayList<>();
    diff("namespace:", previous.namespaces, namespaces, NAMESPACE_ORDER, changes);
    diff("table:", previous.tables, tables, IDENTIFIER_ORDER, changes);
    diff("view:", previous.views, views, IDENTIFIER_ORDER, changes);
    return changes;
  }

  private static <K, V> void diff(
      String label, Map<K, V> before, Map<K, V> after, Comparator<K> order, List<String> out) {
    Set<K> keys = new TreeSet<>(order);
    keys.addAll(before.keySet());
    keys.addAll(after.keySet());
    for (K key : keys) {
      if (!Objects.equals(before.get(key), after.get(key))) {
        out.add(label + key);
      }
    }
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes one state into the next; records what changed. */
  public static final class Builder {
    private final Map<Namespace, Map<String, String>> namespaces;
    private final Map<TableIdentifier, TableEntry> tables;
    private final Map<TableIdentifier, ViewEntry> views;

    private Builder(CatalogState from) {
      this.namespaces = new LinkedHashMap<>(from.namespaces);
      this.tables = new LinkedHashMap<>(from.tables);
      this.views = new LinkedHashMap<>(from.views);
    }

    public Builder putNamespace(Namespace namespace, Map<String, String> properties) {
      namespaces.put(requireNonNull(namespace, "namespace is null"), Map.copyOf(properties));
      return this;
    }

    public Builder removeNamespace(Namespace namespace) {
      namespaces.remove(namespace);
      return this;
    }

    public Builder putTable(TableIdentifier identifier, String uuid, String metadataLocation) {
      tables.put(
          identifier,
          TableEntry.newBuilder()
              .addAllNamespace(Arrays.asList(identifier.namespace().levels()))
              .setName(identifier.name())
              .setUuid(requireNonNull(uuid, "uuid is null"))
              .setMetadataLocation(requireNonNull(metadataLocation, "metadataLocation is null"))
              .build());
      return this;
    }

    public Builder removeTable(TableIdentifier identifier) {
      tables.remove(identifier);
      return this;
    }

    public Builder putView(TableIdentifier identifier, String uuid, String metadataLocation) {
      views.put(
          identifier,
          ViewEntry.newBuilder()
              .addAllNamespace(Arrays.asList(identifier.namespace().levels()))
              .setName(identifier.name())
              .setUuid(requireNonNull(uuid, "uuid is null"))
              .setMetadataLocation(requireNonNull(metadataLocation, "metadataLocation is null"))
              .build());
      return this;
    }

    public Builder removeView(TableIdentifier identifier) {
      views.remove(identifier);
      return this;
    }

    public CatalogState build() {
      return new CatalogState(namespaces, tables, views);
    }
  }
}

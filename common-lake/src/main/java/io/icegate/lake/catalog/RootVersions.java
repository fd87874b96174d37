package io.icegate.lake.catalog;

import io.icegate.proto.ProtoJson;
import io.icegate.proto.v1.NamespaceEntry;
import io.icegate.proto.v1.RootVersion;
import io.icegate.proto.v1.TableEntry;
import io.icegate.proto.v1.ViewEntry;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Keys and bytes of root versions: {@code catalog/root/v{N:020}.json}, canonical protobuf JSON of
 * {@link RootVersion} with entries in a fixed order so equal states give equal bytes.
 */
final class RootVersions {
  static final String PREFIX = "catalog/root/";

  /** Advisory pointer to a recent version, for cold starts; never trusted beyond a hint. */
  static final String HINT_KEY = PREFIX + "latest";

  private static final Pattern VERSION_KEY = Pattern.compile("catalog/root/v(\\d{20})\\.json");

  private RootVersions() {}

  static String key(long version) {
    if (version <= 0) {
      throw new IllegalArgumentException("Invalid root version: " + version);
    }
    return String.format(Locale.ROOT, "%sv%020d.json", PREFIX, version);
  }

  /** The version number of a root version key, or empty for other keys under the prefix. */
  static OptionalLong version(String key) {
    Matcher matcher = VERSION_KEY.matcher(key);
    return matcher.matches()
        ? OptionalLong.of(Long.parseLong(matcher.group(1)))
        : OptionalLong.empty();
  }

  static byte[] toBytes(
      CatalogState previous,
      CatalogState state,
      long version,
      long parent,
      String commitId,
      long timestampMs) {
    RootVersion.Builder root =
        RootVersion.newBuilder()
            .setVersion(version)
            .setParentVersion(parent)
            .setCommitId(commitId)
            .setTimestampMs(timestampMs)
            .addAllChanged(state.changesFrom(previous));
    state.allNamespaces().entrySet().stream()
        .sorted(Map.Entry.comparingByKey(CatalogState.NAMESPACE_ORDER))
        .forEach(
            e ->
                root.addNamespaces(
                    NamespaceEntry.newBuilder()
                        .addAllLevels(Arrays.asList(e.getKey().levels()))
                        .putAllProperties(e.getValue())));
    state.allTables().entrySet().stream()
        .sorted(Map.Entry.comparingByKey(CatalogState.IDENTIFIER_ORDER))
        .forEach(e -> root.addTables(e.getValue()));
    state.allViews().entrySet().stream()
        .sorted(Map.Entry.comparingByKey(CatalogState.IDENTIFIER_ORDER))
        .forEach(e -> root.addViews(e.getValue()));
    return ProtoJson.toJsonBytes(root.build());
  }

  static RootHead parse(String key, byte[] bytes) {
    RootVersion root = ProtoJson.parse(bytes, RootVersion.getDefaultInstance());
    long expected = version(key).orElseThrow();
    if (root.getVersion() != expected) {
      throw new IllegalStateException(
          "Cannot read root version " + key + ": it says version " + root.getVersion());
    }
    Map<Namespace, Map<String, String>> namespaces = new LinkedHashMap<>();
    for (NamespaceEntry entry : root.getNamespacesList()) {
      namespaces.put(
          Namespace.of(entry.getLevelsList().toArray(String[]::new)), entry.getPropertiesMap());
    }
    Map<TableIdentifier, TableEntry> tables = new LinkedHashMap<>();
    for (TableEntry entry : root.getTablesList()) {
      tables.put(
          identifier(entry.getNamespaceList().toArray(String[]::new), entry.getName()), entry);
    }
    Map<TableIdentifier, ViewEntry> views = new LinkedHashMap<>();
    for (ViewEntry entry : root.getViewsList()) {
      views.put(
          identifier(entry.getNamespaceList().toArray(String[]::new), entry.getName()), entry);
    }
    return new RootHead(
        root.getVersion(),
        root.getParentVersion(),
        root.getCommitId(),
        new CatalogState(namespaces, tables, views));
  }

  private static TableIdentifier identifier(String[] namespace, String name) {
    return TableIdentifier.of(Namespace.of(namespace), name);
  }
}

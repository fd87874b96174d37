package io.icegate.lake.catalog;

import io.icegate.proto.v1.TableEntry;
import io.icegate.proto.v1.ViewEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NamespaceNotEmptyException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.NoSuchViewException;

/**
 * The catalog changes as {@link RootMutation}s: each checks its preconditions against the state it
 * is applied to, so a rebase onto a newer root version re-checks them. Messages follow Iceberg's
 * catalogs, which clients and Iceberg's own test suites match on.
 */
final class CatalogMutations {
  private CatalogMutations() {}

  /**
   * Points a table at a new metadata file: creates it when {@code expectedLocation} is null, else
   * requires the table to still point at {@code expectedLocation} (otherwise it changed under us).
   */
  static RootMutation pointTable(
      TableIdentifier id, String expectedLocation, String newLocation, String uuid) {
    return state -> {
      if (expectedLocation == null) {
        requireNamespace(state, id.namespace(), "Cannot create table " + id + ".");
        if (state.view(id).isPresent()) {
          throw new AlreadyExistsException("View with same name already exists: %s", id);
        }
        if (state.table(id).isPresent()) {
          throw new AlreadyExistsException("Table already exists: %s", id);
        }
      } else {
        TableEntry entry =
            state
                .table(id)
                .orElseThrow(() -> new NoSuchTableException("Table does not exist: %s", id));
        if (!entry.getMetadataLocation().equals(expectedLocation)) {
          throw new CommitFailedException(
              "Cannot commit to table %s: its metadata location changed from %s to %s concurrently",
              id, expectedLocation, entry.getMetadataLocation());
        }
      }
      return state.toBuilder().putTable(id, uuid, newLocation).build();
    };
  }

  /** Points a view at a new metadata file, like {@link #pointTable}. */
  static RootMutation pointView(
      TableIdentifier id, String expectedLocation, String newLocation, String uuid) {
    return state -> {
      if (expectedLocation == null) {
        requireNamespace(state, id.namespace(), "Cannot create view " + id + ".");
        if (state.table(id).isPresent()) {
          throw new AlreadyExistsException("Table with same name already exists: %s", id);
        }
        if (state.view(id).isPresent()) {
          throw new AlreadyExistsException("View already exists: %s", id);
        }
      } else {
        ViewEntry entry =
            state
                .view(id)
                .orElseThrow(() -> new NoSuchViewException("View does not exist: %s", id));
        if (!entry.getMetadataLocation().equals(expectedLocation)) {
          throw new CommitFailedException(
              "Cannot commit to view %s: its metadata location changed from %s to %s concurrently",
              id, expectedLocation, entry.getMetadataLocation());
        }
      }
      return state.toBuilder().putView(id, uuid, newLocation).build();
    };
  }

  static RootMutation renameTable(TableIdentifier from, TableIdentifier to) {
    return state -> {
      String what = "Cannot rename " + from + " to " + to + ".";
      requireNamespace(state, to.namespace(), what);
      TableEntry entry =
          state
              .table(from)
              .orElseThrow(() -> new NoSuchTableException("%s Table does not exist", what));
      requireFree(state, to, what);
      return state.toBuilder()
          .removeTable(from)
          .putTable(to, entry.getUuid(), entry.getMetadataLocation())
          .build();
    };
  }

  static RootMutation renameView(TableIdentifier from, TableIdentifier to) {
    return state -> {
      String what = "Cannot rename " + from + " to " + to + ".";
      requireNamespace(state, to.namespace(), what);
      ViewEntry entry =
          state
              .view(from)
              .orElseThrow(() -> new NoSuchViewException("%s View does not exist", what));
      requireFree(state, to, what);
      return state.toBuilder()
          .removeView(from)
          .putView(to, entry.getUuid(), entry.getMetadataLocation())
          .build();
    };
  }

  static RootMutation createNamespace(Namespace namespace, Map<String, String> properties) {
    return state -> {
      if (state.namespaceExists(namespace)) {
        throw new AlreadyExistsException(
            "Cannot create namespace %s. Namespace already exists", namespace);
      }
      return state.toBuilder().putNamespace(namespace, properties).build();
    };
  }

  static RootMutation updateNamespace(
      Namespace namespace, Map<String, String> set, Set<String> remove) {
    return state -> {
      Map<String, String> properties =
          new HashMap<>(
              state
                  .namespaceProperties(namespace)
                  .orElseThrow(
                      () ->
                          new NoSuchNamespaceException("Namespace does not exist: %s", namespace)));
      properties.keySet().removeAll(remove);
      properties.putAll(set);
      return state.toBuilder().putNamespace(namespace, properties).build();
    };
  }

  /** Drops an empty namespace; a missing one leaves the state as it is. */
  static RootMutation dropNamespace(Namespace namespace) {
    return state -> {
      if (!state.namespaceExists(namespace)) {
        return state;
      }
      long children = state.namespaces().stream().filter(n -> isChild(namespace, n)).count();
      int tables = state.tables(namespace).size();
      int views = state.views(namespace).size();
      if (children + tables + views > 0) {
        throw new NamespaceNotEmptyException(
            "Namespace %s is not empty. Contains %d child namespace(s), %d table(s), %d view(s).",
            namespace, children, tables, views);
      }
      return state.toBuilder().removeNamespace(namespace).build();
    };
  }

  /** Removes a table; a missing one leaves the state as it is. */
  static RootMutation dropTable(TableIdentifier id) {
    return state -> state.table(id).isEmpty() ? state : state.toBuilder().removeTable(id).build();
  }

  static RootMutation dropView(TableIdentifier id) {
    return state -> state.view(id).isEmpty() ? state : state.toBuilder().removeView(id).build();
  }

  /** True if {@code candidate} lies strictly below {@code parent}. */
  static boolean isChild(Namespace parent, Namespace candidate) {
    String[] p = parent.levels();
    String[] c = candidate.levels();
    if (c.length <= p.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (!p[i].equals(c[i])) {
        return false;
      }
    }
    return true;
  }

  private static void requireNamespace(CatalogState state, Namespace namespace, String what) {
    if (!state.namespaceExists(namespace)) {
      throw new NoSuchNamespaceException("%s Namespace does not exist: %s", what, namespace);
    }
  }

  private static void requireFree(CatalogState state, TableIdentifier to, String what) {
    if (state.table(to).isPresent()) {
      throw new AlreadyExistsException("%s Table already exists", what);
    }
    if (state.view(to).isPresent()) {
      throw new AlreadyExistsException("%s View already exists", what);
    }
  }
}

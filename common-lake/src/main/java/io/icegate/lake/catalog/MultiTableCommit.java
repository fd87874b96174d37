package io.icegate.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.NoSuchTableException;

/**
 * Commits updates of several existing tables as one root version (what the REST {@code
 * transactions/commit} endpoint needs): each table's requirements are validated and its updates
 * applied to its current metadata, every new metadata file is written, and one root mutation moves
 * all pointers, each checked against the metadata location the updates were based on.
 */
final class MultiTableCommit {
  private record Prepared(
      TableIdentifier identifier,
      ObjectStoreTableOperations ops,
      TableMetadata base,
      TableMetadata updated,
      String location) {}

  private final Function<TableIdentifier, TableOperations> opsFactory;
  private final RootCommitter committer;
  private final String catalogName;

  MultiTableCommit(
      Function<TableIdentifier, TableOperations> opsFactory,
      RootCommitter committer,
      String catalogName) {
    this.opsFactory = requireNonNull(opsFactory, "opsFactory is null");
    this.committer = requireNonNull(committer, "committer is null");
    this.catalogName = requireNonNull(catalogName, "catalogName is null");
  }

  void commit(List<TableCommit> commits) {
    requireNonNull(commits, "commits is null");
    Set<TableIdentifier> seen = new HashSet<>();
    for (TableCommit commit : commits) {
      if (!seen.add(commit.identifier())) {
        throw new IllegalArgumentException(
            "Cannot commit transaction: table " + commit.identifier() + " appears twice");
      }
    }
    List<Prepared> prepared = new ArrayList<>();
    try {
      for (TableCommit commit : commits) {
        prepare(commit, prepared);
      }
      if (prepared.isEmpty()) {
        return;
      }
      String what =
          "transaction on "
              + prepared.stream()
                  .map(p -> p.identifier().toString())
                  .collect(Collectors.joining(", "));
      committer.commit(
          what,
          state -> {
            CatalogState next = state;
            for (Prepared p : prepared) {
              next =
                  CatalogMutations.pointTable(
                          p.identifier(),
                          p.base().metadataFileLocation(),
                          p.location(),
                          p.updated().uuid())
                      .apply(next);
            }
            return next;
          });
    } catch (CommitStateUnknownException e) {
      throw e;
    } catch (RuntimeException e) {
      prepared.forEach(p -> p.ops().deleteQuietly(p.location()));
      throw e;
    }
    for (Prepared p : prepared) {
      CatalogUtil.deleteRemovedMetadataFiles(p.ops().io(), p.base(), p.updated());
    }
  }

  private void prepare(TableCommit commit, List<Prepared> prepared) {
    TableIdentifier identifier = commit.identifier();
    ObjectStoreTableOperations ops = (ObjectStoreTableOperations) opsFactory.apply(identifier);
    TableMetadata base = ops.current();
    if (base == null) {
      throw new NoSuchTableException("Table does not exist: %s", identifier);
    }
    commit.requirements().forEach(requirement -> requirement.validate(base));
    TableMetadata.Builder builder = TableMetadata.buildFrom(base);
    commit.updates().forEach(update -> update.applyTo(builder));
    TableMetadata updated = builder.build();
    if (updated.changes().isEmpty()) {
      return;
    }
    WalOffsetsCheck.validate(catalogName + "." + identifier, base, updated);
    prepared.add(new Prepared(identifier, ops, base, updated, ops.writeMetadata(updated)));
  }
}

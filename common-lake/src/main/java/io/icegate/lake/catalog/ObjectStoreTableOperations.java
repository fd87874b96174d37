package io.icegate.lake.catalog;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.io.LakeFileIO;
import io.icegate.proto.v1.TableEntry;
import java.util.Optional;
import org.apache.iceberg.BaseMetastoreTableOperations;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.ServiceUnavailableException;
import org.apache.iceberg.io.FileIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Table operations over the root version chain: a refresh reads the table's metadata location from
 * the newest root version; a commit writes the new metadata file under a unique name, checks the
 * WAL offsets ({@link WalOffsetsCheck}) and commits the pointer change as a new root version,
 * rebasing over versions that changed only other tables.
 *
 * <p>After {@code CommitStateUnknownException} the new metadata file is left in place (the commit
 * may have happened); after any other failure it is deleted, as nothing can refer to it.
 */
public class ObjectStoreTableOperations extends BaseMetastoreTableOperations {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectStoreTableOperations.class);

  private final TableIdentifier identifier;
  private final String fullName;
  private final RootChain chain;
  private final RootCommitter committer;
  private final LakeFileIO io;

  ObjectStoreTableOperations(
      TableIdentifier identifier,
      String catalogName,
      RootChain chain,
      RootCommitter committer,
      LakeFileIO io) {
    this.identifier = requireNonNull(identifier, "identifier is null");
    this.fullName = catalogName + "." + identifier;
    this.chain = requireNonNull(chain, "chain is null");
    this.committer = requireNonNull(committer, "committer is null");
    this.io = requireNonNull(io, "io is null");
  }

  @Override
  protected String tableName() {
    return fullName;
  }

  @Override
  public FileIO io() {
    return io;
  }

  @Override
  protected void doRefresh() {
    Optional<TableEntry> entry = chain.latest().state().table(identifier);
    if (entry.isPresent()) {
      refreshFromMetadataLocation(entry.get().getMetadataLocation());
    } else if (currentMetadataLocation() != null) {
      throw new NoSuchTableException("Table does not exist: %s (dropped concurrently)", identifier);
    } else {
      disableRefresh();
    }
  }

  @Override
  protected void doCommit(TableMetadata base, TableMetadata metadata) {
    boolean creating = base == null;
    WalOffsetsCheck.validate(fullName, base, metadata);
    boolean writesFile = !creating || metadata.metadataFileLocation() == null;
    String newLocation = writeNewMetadataIfRequired(creating, metadata);
    String expected = creating ? null : base.metadataFileLocation();
    try {
      committer.commit(
          "table " + identifier,
          CatalogMutations.pointTable(identifier, expected, newLocation, metadata.uuid()));
    } catch (CommitStateUnknownException e) {
      throw e;
    } catch (RuntimeException e) {
      if (writesFile) {
        deleteQuietly(newLocation);
      }
      if (creating && e instanceof CommitDeadlineException) {
        // Iceberg reports any CommitFailedException of a create as "created concurrently"; a
        // create that ran out of time is a busy catalog, and retrying it is safe.
        throw new ServiceUnavailableException(
            e, "Cannot create table %s: %s", identifier, e.getMessage());
      }
      throw e;
    }
  }

  /** Writes {@code metadata} as the next metadata file of this table; for multi-table commits. */
  String writeMetadata(TableMetadata metadata) {
    return writeNewMetadataIfRequired(false, metadata);
  }

  void deleteQuietly(String location) {
    try {
      io.deleteFile(location);
    } catch (RuntimeException e) {
      LOG.warn("Cannot delete unused metadata file {}", location, e);
    }
  }
}

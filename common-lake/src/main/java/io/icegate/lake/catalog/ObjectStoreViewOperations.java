package io.icegate.lake.catalog;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.io.LakeFileIO;
import io.icegate.proto.v1.ViewEntry;
import java.util.Optional;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.NoSuchViewException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.view.BaseViewOperations;
import org.apache.iceberg.view.ViewMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** View operations over the root version chain; see {@link ObjectStoreTableOperations}. */
public class ObjectStoreViewOperations extends BaseViewOperations {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectStoreViewOperations.class);

  private final TableIdentifier identifier;
  private final String fullName;
  private final RootChain chain;
  private final RootCommitter committer;
  private final LakeFileIO io;

  ObjectStoreViewOperations(
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
  protected String viewName() {
    return fullName;
  }

  @Override
  protected FileIO io() {
    return io;
  }

  @Override
  protected void doRefresh() {
    Optional<ViewEntry> entry = chain.latest().state().view(identifier);
    if (entry.isPresent()) {
      refreshFromMetadataLocation(entry.get().getMetadataLocation());
    } else if (currentMetadataLocation() != null) {
      throw new NoSuchViewException("View does not exist: %s (dropped concurrently)", identifier);
    } else {
      disableRefresh();
    }
  }

  @Override
  protected void doCommit(ViewMetadata base, ViewMetadata metadata) {
    boolean writesFile = metadata.metadataFileLocation() == null;
    String newLocation = writeNewMetadataIfRequired(metadata);
    String expected = base == null ? null : currentMetadataLocation();
    try {
      committer.commit(
          "view " + identifier,
          CatalogMutations.pointView(identifier, expected, newLocation, metadata.uuid()));
    } catch (CommitStateUnknownException e) {
      throw e;
    } catch (RuntimeException e) {
      if (writesFile) {
        try {
          io.deleteFile(newLocation);
        } catch (RuntimeException deleteFailure) {
          LOG.warn("Cannot delete unused metadata file {}", newLocation, deleteFailure);
        }
      }
      throw e;
    }
  }
}

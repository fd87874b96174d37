package io.icegate.lake.io;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.iceberg.io.BulkDeletionFailureException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.SupportsBulkOperations;
import org.apache.iceberg.io.SupportsPrefixOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Iceberg's {@link FileIO} over an {@link ObjectStore}, so table metadata and data go through the
 * same store, decorators (retries, metrics, fault injection) and key rules as everything else.
 * Locations map to keys through {@link LakeLocations}; a location outside the lake root is rejected
 * with {@link IllegalArgumentException}.
 *
 * <p>Input files read in range requests of {@code chunkSize} bytes; {@link OutputFile#create()} is
 * create-only ({@code putIfAbsent} on close) and {@link OutputFile#createOrOverwrite()} overwrites.
 */
public final class LakeFileIO implements FileIO, SupportsPrefixOperations, SupportsBulkOperations {
  private static final Logger LOG = LoggerFactory.getLogger(LakeFileIO.class);
  public static final int DEFAULT_CHUNK_SIZE = 4 << 20;
  private static final int DELETE_BATCH = 1000;

  private final transient ObjectStore store;
  private final LakeLocations locations;
  private final int chunkSize;

  public LakeFileIO(ObjectStore store, LakeLocations locations) {
    this(store, locations, DEFAULT_CHUNK_SIZE);
  }

  public LakeFileIO(ObjectStore store, LakeLocations locations, int chunkSize) {
    this.store = requireNonNull(store, "store is null");
    this.locations = requireNonNull(locations, "locations is null");
    if (chunkSize <= 0) {
      throw new IllegalArgumentException("Invalid chunk size: " + chunkSize);
    }
    this.chunkSize = chunkSize;
  }

  public LakeLocations locations() {
    return locations;
  }

  @Override
  public InputFile newInputFile(String location) {
    return new LakeInputFile(
        store, locations.key(location), location, OptionalLong.empty(), chunkSize);
  }

  @Override
  public InputFile newInputFile(String location, long length) {
    return new LakeInputFile(
        store, locations.key(location), location, OptionalLong.of(length), chunkSize);
  }

  @Override
  public OutputFile newOutputFile(String location) {
    return new LakeOutputFile(store, locations.key(location), location, chunkSize);
  }

  @Override
  public void deleteFile(String location) {
    store.delete(locations.key(location));
  }

  @Override
  public Map<String, String> properties() {
    return Map.of();
  }

  @Override
  public Iterable<FileInfo> listPrefix(String prefix) {
    String keyPrefix = locations.prefix(prefix);
    return () -> {
      Stream<FileInfo> infos =
          store
              .list(keyPrefix)
              .map(
                  info ->
                      new FileInfo(
                          locations.location(info.key()),
                          info.size(),
                          info.lastModified().toEpochMilli()));
      return infos.iterator();
    };
  }

  @Override
  public void deletePrefix(String prefix) {
    String keyPrefix = locations.prefix(prefix);
    List<String> batch = new ArrayList<>();
    try (Stream<String> keys = store.list(keyPrefix).map(info -> info.key())) {
      for (String key : (Iterable<String>) keys::iterator) {
        batch.add(key);
        if (batch.size() == DELETE_BATCH) {
          store.deleteAll(batch);
          batch.clear();
        }
      }
    }
    store.deleteAll(batch);
  }

  /**
   * Deletes in batches; locations outside the lake and failed batches are counted and reported
   * together at the end, after every other batch was tried.
   */
  @Override
  public void deleteFiles(Iterable<String> pathsToDelete) throws BulkDeletionFailureException {
    int failures = 0;
    List<String> batch = new ArrayList<>();
    for (String location : pathsToDelete) {
      if (!locations.contains(location)) {
        LOG.warn("Cannot delete {}: outside the lake root {}", location, locations.root());
        failures++;
        continue;
      }
      batch.add(locations.key(location));
      if (batch.size() == DELETE_BATCH) {
        failures += deleteBatch(batch);
        batch.clear();
      }
    }
    failures += deleteBatch(batch);
    if (failures > 0) {
      throw new BulkDeletionFailureException(failures);
    }
  }

  private int deleteBatch(List<String> keys) {
    if (keys.isEmpty()) {
      return 0;
    }
    try {
      store.deleteAll(List.copyOf(keys));
      return 0;
    } catch (StorageException e) {
      LOG.warn("Cannot delete {} objects starting with {}", keys.size(), keys.get(0), e);
      return keys.size();
    }
  }
}

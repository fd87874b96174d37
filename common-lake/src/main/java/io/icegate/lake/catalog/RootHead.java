package io.icegate.lake.catalog;

import static java.util.Objects.requireNonNull;

/**
 * One root version as read from the chain: its number, the commit that wrote it and the state it
 * holds. Version 0 stands for the empty catalog before the first root version.
 */
public record RootHead(long version, long parentVersion, String commitId, CatalogState state) {
  static final RootHead EMPTY = new RootHead(0, 0, "", CatalogState.EMPTY);

  public RootHead {
    requireNonNull(commitId, "commitId is null");
    requireNonNull(state, "state is null");
    if (version < 0) {
      throw new IllegalArgumentException("Invalid root version: " + version);
    }
  }
}

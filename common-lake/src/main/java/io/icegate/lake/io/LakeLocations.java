package io.icegate.lake.io;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.store.ObjectKeys;
import java.util.Optional;

/**
 * The one place that maps Iceberg locations to object keys and back.
 *
 * <p>A location is the store root URI followed by '/' and the object key, for example {@code
 * s3://bucket/prefix/warehouse/icegate/logs-6f1c…/metadata/00001-….json} for a store rooted at
 * {@code s3://bucket/prefix}, or {@code file:/srv/icegate/warehouse/…} for a local folder. Iceberg
 * metadata therefore holds the real, absolute addresses of files, so external engines (Spark with
 * {@code S3FileIO}, Trino, DuckDB) read them without any rewriting; the root is configured once per
 * deployment and must name the same storage for every process.
 */
public final class LakeLocations {
  private final String root;

  /**
   * @param root the URI of the store root, such as {@code s3://bucket/prefix}, {@code
   *     file:/srv/icegate} or {@code memory://test}; a trailing '/' is ignored
   */
  public LakeLocations(String root) {
    requireNonNull(root, "root is null");
    String trimmed = root.replaceAll("/+$", "");
    if (trimmed.isEmpty() || !trimmed.contains(":")) {
      throw new IllegalArgumentException("Invalid lake root '" + root + "': not a URI");
    }
    this.root = trimmed;
  }

  /** The root URI, without a trailing '/'. */
  public String root() {
    return root;
  }

  /** The location of an object key. */
  public String location(String key) {
    return root + "/" + ObjectKeys.checkKey(key);
  }

  /** True if the location lies under the root and maps to a valid key. */
  public boolean contains(String location) {
    return keyIfInLake(location).isPresent();
  }

  /**
   * The object key of a location under the root.
   *
   * @throws IllegalArgumentException if the location lies outside the root or is not a valid key
   */
  public String key(String location) {
    return keyIfInLake(location)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Cannot map location " + location + ": outside the lake root " + root));
  }

  /** The listing prefix of a location prefix (may end with '/'). */
  public String prefix(String locationPrefix) {
    requireNonNull(locationPrefix, "locationPrefix is null");
    if (locationPrefix.equals(root) || locationPrefix.equals(root + "/")) {
      return "";
    }
    if (!locationPrefix.startsWith(root + "/")) {
      throw new IllegalArgumentException(
          "Cannot map location prefix " + locationPrefix + ": outside the lake root " + root);
    }
    return ObjectKeys.checkPrefix(locationPrefix.substring(root.length() + 1));
  }

  private Optional<String> keyIfInLake(String location) {
    if (location == null || !location.startsWith(root + "/")) {
      return Optional.empty();
    }
    String key = location.substring(root.length() + 1);
    try {
      return Optional.of(ObjectKeys.checkKey(key));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return root;
  }
}

package io.icegate.lake.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What the store knows about one object.
 *
 * @param etag an opaque content tag; an MD5 hex digest for single-part writes on S3 and on the
 *     stores here, which lets {@code putIfAbsent} compare content without reading it back; may be
 *     empty in listings of stores that cannot give it cheaply (the local store), never from {@link
 *     ObjectStore#head}
 * @param lastModified the storage server's clock, the only clock leases trust
 */
public record ObjectInfo(String key, long size, String etag, Instant lastModified) {
  public ObjectInfo {
    requireNonNull(key, "key is null");
    requireNonNull(etag, "etag is null");
    requireNonNull(lastModified, "lastModified is null");
    if (size < 0) {
      throw new IllegalArgumentException("Invalid size: " + size);
    }
  }
}

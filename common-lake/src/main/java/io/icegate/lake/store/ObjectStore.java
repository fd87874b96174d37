package io.icegate.lake.store;

import java.io.Closeable;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The only way IceGate touches storage (DESIGN.md §3): a flat namespace of immutable-by-protocol
 * objects under validated keys (see {@link ObjectKeys}).
 *
 * <p>Correctness of every protocol rests on {@link #putIfAbsent} alone; no operation here offers
 * compare-and-swap on an existing object. Every method validates its key before any I/O and throws
 * {@link IllegalArgumentException} for an invalid one.
 *
 * <p>Errors: {@link ObjectNotFoundException} for a missing object, {@link
 * TransientStorageException} for failures worth retrying (throttling, 5xx, timeouts before a write
 * was sent), {@link StorageException} for everything else.
 */
public interface ObjectStore extends Closeable {

  /** Reads a whole object. */
  byte[] get(String key);

  /**
   * Reads {@code length} bytes starting at {@code offset}; fewer when the object ends first, none
   * when {@code offset} is at or beyond the end.
   */
  byte[] getRange(String key, long offset, int length);

  /** Size, etag and last-modified time of an object, or empty when it does not exist. */
  Optional<ObjectInfo> head(String key);

  /** Writes an object, replacing any existing one. Complete (durable) when this returns. */
  void put(String key, byte[] data);

  /**
   * Creates an object only if the key is free (S3 {@code If-None-Match: *}); durable when this
   * returns.
   *
   * <p>An ambiguous outcome (timeout, reset, 412 after a retry that may have been our own earlier
   * attempt landing) is resolved by comparing the stored object with {@code data}: the same bytes
   * mean our write took effect. Callers whose bytes could coincide with another writer's must embed
   * a unique token in {@code data} that stays the same across attempts of one logical write.
   *
   * @return true if the key now holds {@code data} (written by this call or an earlier attempt of
   *     it); false if it holds other bytes (someone else won)
   * @throws UnknownOutcomeException if the outcome cannot be resolved; the write may still land
   */
  boolean putIfAbsent(String key, byte[] data);

  /**
   * Opens a streaming writer for a large object; the object becomes visible, all at once, when the
   * stream is closed. Large objects are uploaded in parts while being written.
   *
   * @param createOnly when true the close behaves like {@link #putIfAbsent} and throws {@link
   *     ObjectExistsException} if the key is taken by other content
   */
  OutputStream create(String key, boolean createOnly);

  /**
   * Objects whose keys start with {@code prefix}, in lexicographic (UTF-8 byte) order, strictly
   * after {@code startAfter} when present. Pages are fetched lazily while the stream is consumed;
   * close the stream when not consuming it to the end.
   */
  Stream<ObjectInfo> list(String prefix, Optional<String> startAfter);

  default Stream<ObjectInfo> list(String prefix) {
    return list(prefix, Optional.empty());
  }

  /** Deletes an object; deleting a missing object is not an error. */
  void delete(String key);

  /** Deletes many objects in batches; missing objects are not an error. */
  void deleteAll(Collection<String> keys);

  @Override
  default void close() {}
}

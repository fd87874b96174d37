package io.icegate.lake.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams an object to S3: up to one part it is a single PUT on close; beyond that a multipart
 * upload whose parts go out while the caller writes, completed on close (with {@code If-None-Match:
 * *} when create-only). A failed upload is aborted; an ambiguous create-only completion is resolved
 * by comparing the stored object's MD5 with the MD5 of what was written.
 */
final class S3OutputStream extends OutputStream {
  private final S3ObjectStore store;
  private final String key;
  private final String fullKey;
  private final boolean createOnly;
  private final int partSize;
  private final MessageDigest md5 = Md5.newDigest();
  private final List<CompletedPart> parts = new ArrayList<>();
  private byte[] buffer;
  private int filled;
  private long size;
  private String uploadId;
  private boolean closed;

  S3OutputStream(
      S3ObjectStore store, String key, String fullKey, boolean createOnly, int partSize) {
    this.store = store;
    this.key = key;
    this.fullKey = fullKey;
    this.createOnly = createOnly;
    this.partSize = partSize;
    this.buffer = new byte[Math.min(partSize, 64 * 1024)];
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (closed) {
      throw new IllegalStateException("Stream for " + key + " is closed");
    }
    while (len > 0) {
      // A full part goes out only once more data follows, so the last part is sent on close.
      if (filled == partSize) {
        uploadPart();
      }
      if (filled == buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.min(partSize, buffer.length * 2));
      }
      int n = Math.min(len, buffer.length - filled);
      System.arraycopy(b, off, buffer, filled, n);
      md5.update(b, off, n);
      filled += n;
      size += n;
      off += n;
      len -= n;
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (uploadId == null) {
      byte[] data = Arrays.copyOf(buffer, filled);
      buffer = null;
      if (!createOnly) {
        store.put(key, data);
      } else if (!store.putIfAbsent(key, data)) {
        throw new ObjectExistsException(key);
      }
      return;
    }
    uploadPart();
    try {
      store.await(
          () ->
              (createOnly ? store.conditionalClient() : store.client())
                  .completeMultipartUpload(
                      b ->
                          b.bucket(store.bucket())
                              .key(fullKey)
                              .uploadId(uploadId)
                              .multipartUpload(m -> m.parts(parts))
                              .ifNoneMatch(createOnly ? "*" : null)));
    } catch (RuntimeException e) {
      if (!createOnly) {
        abortQuietly();
        throw S3Errors.map("write", key, e);
      }
      if (S3Errors.isDefiniteRejection(e)) {
        abortQuietly(); // 412 included: our upload did not complete
      }
      if (!S3Resolution.resolve(key, e, this::holdsOurBytes)) {
        throw new ObjectExistsException(key);
      }
    }
  }

  private void uploadPart() {
    byte[] part = buffer;
    int length = filled;
    buffer = new byte[partSize];
    filled = 0;
    try {
      if (uploadId == null) {
        uploadId =
            store
                .await(
                    () ->
                        store
                            .client()
                            .createMultipartUpload(b -> b.bucket(store.bucket()).key(fullKey)))
                .uploadId();
      }
      int number = parts.size() + 1;
      String etag =
          store
              .await(
                  () ->
                      store
                          .client()
                          .uploadPart(
                              b ->
                                  b.bucket(store.bucket())
                                      .key(fullKey)
                                      .uploadId(uploadId)
                                      .partNumber(number)
                                      .contentLength((long) length),
                              AsyncRequestBody.fromBytesUnsafe(
                                  length == part.length ? part : Arrays.copyOf(part, length))))
              .eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    } catch (RuntimeException e) {
      closed = true;
      abortQuietly();
      throw S3Errors.map(createOnly ? "create" : "write", key, e);
    }
  }

  private Optional<Boolean> holdsOurBytes() {
    Optional<ObjectInfo> info = store.head(key);
    if (info.isEmpty()) {
      return Optional.empty();
    }
    if (info.get().size() != size) {
      return Optional.of(false);
    }
    String ours = Md5.hex(md5);
    MessageDigest theirs = Md5.newDigest();
    try (InputStream in =
        store.await(
            () ->
                store
                    .client()
                    .getObject(
                        b -> b.bucket(store.bucket()).key(fullKey),
                        AsyncResponseTransformer.toBlockingInputStream()))) {
      byte[] chunk = new byte[64 * 1024];
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        theirs.update(chunk, 0, n);
      }
    } catch (IOException e) {
      throw new TransientStorageException("Cannot read " + key + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (S3Errors.isNotFound(e)) {
        return Optional.empty();
      }
      throw S3Errors.map("read", key, e);
    }
    return Optional.of(ours.equals(Md5.hex(theirs)));
  }

  private void abortQuietly() {
    if (uploadId == null) {
      return;
    }
    try {
      store.await(
          () ->
              store
                  .client()
                  .abortMultipartUpload(
                      b -> b.bucket(store.bucket()).key(fullKey).uploadId(uploadId)));
    } catch (RuntimeException e) {
      // The bucket's lifecycle rule for incomplete uploads cleans up what we could not.
    }
  }
}

package io.icegate.lake.store;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * A store in an S3 bucket under a key prefix, on the AWS SDK v2 async client (Netty). Requests in
 * flight are bounded by a semaphore; objects above the multipart threshold are uploaded in parts.
 *
 * <p>Conditional writes go through a second client whose SDK retries are off, so every ambiguous
 * outcome reaches {@link #putIfAbsent}, which resolves it by comparing the stored object with our
 * bytes (see {@link ObjectStore#putIfAbsent}). Other requests keep the SDK's standard retries.
 */
public final class S3ObjectStore implements ObjectStore {
  static final int DELETE_BATCH = 1000;

  /**
   * One event loop group for every S3 store in the JVM, of daemon threads and never shut down: a
   * group per store would make each close wait out Netty's two-second quiet period.
   */
  private static final class EventLoops {
    static final SdkEventLoopGroup GROUP =
        SdkEventLoopGroup.builder()
            .threadFactory(new DefaultThreadFactory("icegate-s3", true))
            .build();
  }

  private final SdkAsyncHttpClient http;
  private final S3AsyncClient client;
  private final S3AsyncClient conditionalClient;
  private final String bucket;
  private final String root;
  private final int partSize;
  private final Semaphore permits;

  /** Builds the clients; {@link ObjectStores#open} validates the settings first. */
  S3ObjectStore(StorageSettings settings) {
    this.bucket = settings.bucket().orElseThrow();
    this.root = settings.prefix();
    this.partSize = Math.toIntExact(settings.multipartThreshold());
    this.permits = new Semaphore(settings.maxConcurrency());
    this.http =
        NettyNioAsyncHttpClient.builder()
            .eventLoopGroup(EventLoops.GROUP)
            .maxConcurrency(settings.maxConcurrency())
            .connectionTimeout(Duration.ofSeconds(5))
            .connectionAcquisitionTimeout(Duration.ofSeconds(60))
            .readTimeout(Duration.ofSeconds(60))
            .writeTimeout(Duration.ofSeconds(60))
            .build();
    this.client = client(settings, AwsRetryStrategy.standardRetryStrategy());
    this.conditionalClient = client(settings, AwsRetryStrategy.doNotRetry());
  }

  private S3AsyncClient client(StorageSettings settings, RetryStrategy retries) {
    AwsCredentialsProvider credentials =
        settings.accessKey().isPresent()
            ? StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    settings.accessKey().get(), settings.secretKey().orElseThrow()))
            : DefaultCredentialsProvider.builder().build();
    var builder =
        S3AsyncClient.builder()
            .httpClient(http)
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .forcePathStyle(settings.pathStyle())
            .overrideConfiguration(
                o -> o.retryStrategy(retries).apiCallTimeout(Duration.ofMinutes(5)));
    settings.endpoint().map(URI::create).ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /** Checks that the bucket answers, with one request and no retries. */
  void checkBucket() {
    await(() -> conditionalClient.headBucket(b -> b.bucket(bucket)));
  }

  @Override
  public byte[] get(String key) {
    String fullKey = fullKey(key);
    try {
      ResponseBytes<GetObjectResponse> bytes =
          await(
              () ->
                  client.getObject(
                      b -> b.bucket(bucket).key(fullKey), AsyncResponseTransformer.toBytes()));
      return bytes.asByteArrayUnsafe();
    } catch (RuntimeException e) {
      throw S3Errors.map("read", key, e);
    }
  }

  @Override
  public byte[] getRange(String key, long offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("Invalid range: offset " + offset + ", length " + length);
    }
    String fullKey = fullKey(key);
    if (length == 0) {
      head(key).orElseThrow(() -> new ObjectNotFoundException(key));
      return new byte[0];
    }
    String range = "bytes=" + offset + "-" + (offset + length - 1);
    try {
      return await(
              () ->
                  client.getObject(
                      b -> b.bucket(bucket).key(fullKey).range(range),
                      AsyncResponseTransformer.toBytes()))
          .asByteArrayUnsafe();
    } catch (RuntimeException e) {
      if (S3Errors.status(e) == 416) {
        return new byte[0]; // the object exists but ends before the offset
      }
      throw S3Errors.map("read", key, e);
    }
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    String fullKey = fullKey(key);
    try {
      HeadObjectResponse response =
          await(() -> client.headObject(b -> b.bucket(bucket).key(fullKey)));
      return Optional.of(
          new ObjectInfo(
              key, response.contentLength(), etag(response.eTag()), response.lastModified()));
    } catch (RuntimeException e) {
      if (S3Errors.isNotFound(e)) {
        return Optional.empty();
      }
      throw S3Errors.map("head", key, e);
    }
  }

  @Override
  public void put(String key, byte[] data) {
    String fullKey = fullKey(key);
    if (data.length > partSize) {
      writeInParts(key, data, false);
      return;
    }
    try {
      await(
          () ->
              client.putObject(
                  b -> b.bucket(bucket).key(fullKey).contentLength((long) data.length),
                  AsyncRequestBody.fromBytesUnsafe(data)));
    } catch (RuntimeException e) {
      throw S3Errors.map("write", key, e);
    }
  }

  @Override
  public boolean putIfAbsent(String key, byte[] data) {
    String fullKey = fullKey(key);
    if (data.length > partSize) {
      try {
        writeInParts(key, data, true);
        return true;
      } catch (ObjectExistsException e) {
        return false;
      }
    }
    try {
      await(
          () ->
              conditionalClient.putObject(
                  b ->
                      b.bucket(bucket)
                          .key(fullKey)
                          .ifNoneMatch("*")
                          .contentLength((long) data.length),
                  AsyncRequestBody.fromBytesUnsafe(data)));
      return true;
    } catch (RuntimeException e) {
      return S3Resolution.resolve(key, e, () -> holds(key, data));
    }
  }

  /** Whether the key holds exactly {@code data}; empty if it holds nothing. */
  private Optional<Boolean> holds(String key, byte[] data) {
    Optional<ObjectInfo> info = head(key);
    if (info.isEmpty()) {
      return Optional.empty();
    }
    if (info.get().size() != data.length) {
      return Optional.of(false);
    }
    if (info.get().etag().equals(Md5.hex(data))) {
      return Optional.of(true);
    }
    // Multipart and encrypted objects have other etags: compare the bytes.
    try {
      return Optional.of(Arrays.equals(get(key), data));
    } catch (ObjectNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public OutputStream create(String key, boolean createOnly) {
    return new S3OutputStream(this, key, fullKey(key), createOnly, partSize);
  }

  private void writeInParts(String key, byte[] data, boolean createOnly) {
    try (OutputStream out = new S3OutputStream(this, key, fullKey(key), createOnly, partSize)) {
      out.write(data);
    } catch (IOException e) {
      throw new StorageException("Cannot write " + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Stream<ObjectInfo> list(String prefix, Optional<String> startAfter) {
    ObjectKeys.checkPrefix(prefix);
    Iterator<ObjectInfo> pages = new S3Listing(this, prefix, startAfter);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            pages, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT),
        false);
  }

  @Override
  public void delete(String key) {
    String fullKey = fullKey(key);
    try {
      await(() -> client.deleteObject(b -> b.bucket(bucket).key(fullKey)));
    } catch (RuntimeException e) {
      if (!S3Errors.isNotFound(e)) {
        throw S3Errors.map("delete", key, e);
      }
    }
  }

  @Override
  public void deleteAll(Collection<String> keys) {
    List<ObjectIdentifier> ids = new ArrayList<>(keys.size());
    for (String key : keys) {
      ids.add(ObjectIdentifier.builder().key(fullKey(key)).build());
    }
    for (int from = 0; from < ids.size(); from += DELETE_BATCH) {
      Delete batch =
          Delete.builder()
              .objects(ids.subList(from, Math.min(from + DELETE_BATCH, ids.size())))
              .quiet(true)
              .build();
      DeleteObjectsResponse response;
      try {
        response = await(() -> client.deleteObjects(b -> b.bucket(bucket).delete(batch)));
      } catch (RuntimeException e) {
        throw S3Errors.map("delete", batch.objects().size() + " objects", e);
      }
      List<S3Error> errors =
          response.errors().stream().filter(error -> !"NoSuchKey".equals(error.code())).toList();
      if (!errors.isEmpty()) {
        S3Error first = errors.get(0);
        String message =
            "Cannot delete %d of %d objects: %s %s (%s)"
                .formatted(
                    errors.size(),
                    batch.objects().size(),
                    first.key().substring(root.length()),
                    first.code(),
                    first.message());
        throw "InternalError".equals(first.code()) || "SlowDown".equals(first.code())
            ? new TransientStorageException(message)
            : new StorageException(message);
      }
    }
  }

  @Override
  public void close() {
    client.close();
    conditionalClient.close();
    http.close();
  }

  S3AsyncClient client() {
    return client;
  }

  S3AsyncClient conditionalClient() {
    return conditionalClient;
  }

  String bucket() {
    return bucket;
  }

  String root() {
    return root;
  }

  String fullKey(String key) {
    return root + ObjectKeys.checkKey(key);
  }

  /** Runs one request within the concurrency bound and waits for it. */
  <T> T await(Supplier<CompletableFuture<T>> request) {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("Cannot send request: interrupted", e);
    }
    CompletableFuture<T> future;
    try {
      future = request.get();
    } catch (RuntimeException e) {
      permits.release();
      throw e;
    }
    future.whenComplete((result, failure) -> permits.release());
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("Cannot wait for request: interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = S3Errors.unwrap(e);
      throw cause instanceof RuntimeException runtime
          ? runtime
          : new java.util.concurrent.CompletionException(cause);
    }
  }

  static String etag(String quoted) {
    if (quoted == null) {
      return "";
    }
    return quoted.length() >= 2 && quoted.startsWith("\"") && quoted.endsWith("\"")
        ? quoted.substring(1, quoted.length() - 1)
        : quoted;
  }
}

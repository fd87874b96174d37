package io.icegate.lake.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the lake lives: the plain-Java form of the {@code icegate.storage.*} keys. Values are
 * checked by {@link ObjectStores#open}, which names the offending key; this record only rejects
 * nulls.
 *
 * @param type {@code local} or {@code s3} ({@code icegate.storage.type})
 * @param root the folder of a local store ({@code .root})
 * @param bucket the S3 bucket ({@code .bucket})
 * @param prefix a key prefix every object lives under, empty for none ({@code .prefix})
 * @param endpoint an S3 endpoint URI such as {@code http://127.0.0.1:9000}; empty for AWS ({@code
 *     .endpoint})
 * @param region the S3 signing region ({@code .region}, default {@value #DEFAULT_REGION})
 * @param pathStyle path-style addressing, needed by most S3-compatible servers ({@code
 *     .path-style}, default false)
 * @param accessKey static credentials ({@code .access-key}); when absent the default AWS chain
 * @param secretKey static credentials ({@code .secret-key})
 * @param multipartThreshold objects above this size are uploaded in parts of this size ({@code
 *     .multipart-threshold}, default 8 MiB, at least 5 MiB)
 * @param maxConcurrency requests in flight at once per store ({@code .max-concurrency}, default
 *     {@value #DEFAULT_MAX_CONCURRENCY})
 */
public record StorageSettings(
    String type,
    Optional<Path> root,
    Optional<String> bucket,
    String prefix,
    Optional<String> endpoint,
    String region,
    boolean pathStyle,
    Optional<String> accessKey,
    Optional<String> secretKey,
    long multipartThreshold,
    int maxConcurrency) {
  public static final String DEFAULT_REGION = "us-east-1";
  public static final long DEFAULT_MULTIPART_THRESHOLD = 8L << 20;
  public static final long MIN_MULTIPART_THRESHOLD = 5L << 20;
  public static final int DEFAULT_MAX_CONCURRENCY = 64;

  public StorageSettings {
    requireNonNull(type, "type is null");
    requireNonNull(root, "root is null");
    requireNonNull(bucket, "bucket is null");
    requireNonNull(prefix, "prefix is null");
    requireNonNull(endpoint, "endpoint is null");
    requireNonNull(region, "region is null");
    requireNonNull(accessKey, "accessKey is null");
    requireNonNull(secretKey, "secretKey is null");
  }

  /** A local store in {@code root}. */
  public static StorageSettings local(Path root) {
    return new StorageSettings(
        "local",
        Optional.of(root),
        Optional.empty(),
        "",
        Optional.empty(),
        DEFAULT_REGION,
        false,
        Optional.empty(),
        Optional.empty(),
        DEFAULT_MULTIPART_THRESHOLD,
        DEFAULT_MAX_CONCURRENCY);
  }

  /** An S3 store in {@code bucket} with defaults for everything else. */
  public static StorageSettings s3(String bucket) {
    return new StorageSettings(
        "s3",
        Optional.empty(),
        Optional.of(bucket),
        "",
        Optional.empty(),
        DEFAULT_REGION,
        false,
        Optional.empty(),
        Optional.empty(),
        DEFAULT_MULTIPART_THRESHOLD,
        DEFAULT_MAX_CONCURRENCY);
  }

  public StorageSettings withPrefix(String newPrefix) {
    return new StorageSettings(
        type,
        root,
        bucket,
        newPrefix,
        endpoint,
        region,
        pathStyle,
        accessKey,
        secretKey,
        multipartThreshold,
        maxConcurrency);
  }

  public StorageSettings withEndpoint(String newEndpoint, boolean newPathStyle) {
    return new StorageSettings(
        type,
        root,
        bucket,
        prefix,
        Optional.of(newEndpoint),
        region,
        newPathStyle,
        accessKey,
        secretKey,
        multipartThreshold,
        maxConcurrency);
  }

  public StorageSettings withRegion(String newRegion) {
    return new StorageSettings(
        type,
        root,
        bucket,
        prefix,
        endpoint,
        newRegion,
        pathStyle,
        accessKey,
        secretKey,
        multipartThreshold,
        maxConcurrency);
  }

  public StorageSettings withCredentials(String newAccessKey, String newSecretKey) {
    return new StorageSettings(
        type,
        root,
        bucket,
        prefix,
        endpoint,
        region,
        pathStyle,
        Optional.of(newAccessKey),
        Optional.of(newSecretKey),
        multipartThreshold,
        maxConcurrency);
  }

  public StorageSettings withMultipartThreshold(long newThreshold) {
    return new StorageSettings(
        type,
        root,
        bucket,
        prefix,
        endpoint,
        region,
        pathStyle,
        accessKey,
        secretKey,
        newThreshold,
        maxConcurrency);
  }

  public StorageSettings withMaxConcurrency(int newMaxConcurrency) {
    return new StorageSettings(
        type,
        root,
        bucket,
        prefix,
        endpoint,
        region,
        pathStyle,
        accessKey,
        secretKey,
        multipartThreshold,
        newMaxConcurrency);
  }

  /**
   * The URI of the lake root that Iceberg locations start with: {@code file:/abs/folder} for a
   * local store, {@code s3://bucket/prefix} for S3 (no trailing '/').
   */
  public String rootLocation() {
    if (type.trim().equalsIgnoreCase("local")) {
      Path folder = root.orElseThrow(() -> new IllegalStateException("No root folder"));
      return "file:" + folder.toAbsolutePath().normalize();
    }
    String location = "s3://" + bucket.orElseThrow(() -> new IllegalStateException("No bucket"));
    String trimmed = prefix.replaceAll("^/+|/+$", "");
    return trimmed.isEmpty() ? location : location + "/" + trimmed;
  }

  /** Like the record's, but never shows the secret key. */
  @Override
  public String toString() {
    return "StorageSettings[type=%s, root=%s, bucket=%s, prefix=%s, endpoint=%s, region=%s, pathStyle=%s, accessKey=%s, secretKey=%s, multipartThreshold=%d, maxConcurrency=%d]"
        .formatted(
            type,
            root.map(Path::toString).orElse(""),
            bucket.orElse(""),
            prefix,
            endpoint.orElse(""),
            region,
            pathStyle,
            accessKey.orElse(""),
            secretKey.isPresent() ? "****" : "",
            multipartThreshold,
            maxConcurrency);
  }
}

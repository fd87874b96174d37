package io.icegate.lake.store;

import io.icegate.lake.config.InvalidConfigurationException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** Opens the store that {@link StorageSettings} describe, after checking them. */
public final class ObjectStores {
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final long MAX_PART_SIZE = 5L << 30;

  private ObjectStores() {}

  /**
   * Opens a store: {@code local} checks that the root folder can be created and written; {@code s3}
   * checks that the endpoint answers and the bucket exists (it does not create the bucket). The
   * store is bare: wrap it in {@link RetryingObjectStore} and {@link MeteredObjectStore}.
   *
   * @throws InvalidConfigurationException naming the key and the problem, in one line
   */
  public static ObjectStore open(StorageSettings settings) {
    String type = settings.type().trim().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "local" -> openLocal(settings);
      case "s3" -> openS3(settings);
      case "" ->
          throw new InvalidConfigurationException(
              "icegate.storage.type", "required (expected local or s3)");
      default ->
          throw new InvalidConfigurationException(
              "icegate.storage.type",
              "unknown storage type '" + settings.type() + "' (expected local or s3)");
    };
  }

  private static ObjectStore openLocal(StorageSettings settings) {
    Path root =
        settings
            .root()
            .orElseThrow(
                () ->
                    new InvalidConfigurationException(
                        "icegate.storage.root", "required when icegate.storage.type=local"))
            .toAbsolutePath()
            .normalize();
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          "icegate.storage.root",
          "cannot create folder " + root + " (" + LocalObjectStore.describe(e) + ")",
          e);
    }
    if (!Files.isWritable(root)) {
      throw new InvalidConfigurationException(
          "icegate.storage.root", "folder " + root + " is not writable");
    }
    try {
      return new LocalObjectStore(root);
    } catch (StorageException e) {
      throw new InvalidConfigurationException("icegate.storage.root", e.getMessage(), e);
    }
  }

  private static ObjectStore openS3(StorageSettings settings) {
    String bucket =
        settings
            .bucket()
            .filter(b -> !b.isBlank())
            .orElseThrow(
                () ->
                    new InvalidConfigurationException(
                        "icegate.storage.bucket", "required when icegate.storage.type=s3"));
    if (!BUCKET.matcher(bucket).matches()) {
      throw new InvalidConfigurationException(
          "icegate.storage.bucket", "'" + bucket + "' is not a valid bucket name");
    }
    String prefix = settings.prefix();
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    try {
      ObjectKeys.checkPrefix(prefix);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException("icegate.storage.prefix", e.getMessage(), e);
    }
    settings.endpoint().ifPresent(ObjectStores::checkEndpoint);
    if (settings.region().isBlank()) {
      throw new InvalidConfigurationException("icegate.storage.region", "must not be empty");
    }
    if (settings.accessKey().isPresent() != settings.secretKey().isPresent()) {
      throw settings.accessKey().isPresent()
          ? new InvalidConfigurationException(
              "icegate.storage.secret-key", "required when icegate.storage.access-key is set")
          : new InvalidConfigurationException(
              "icegate.storage.access-key", "required when icegate.storage.secret-key is set");
    }
    long threshold = settings.multipartThreshold();
    if (threshold < StorageSettings.MIN_MULTIPART_THRESHOLD || threshold > MAX_PART_SIZE) {
      throw new InvalidConfigurationException(
          "icegate.storage.multipart-threshold",
          "must be between 5 MiB (5242880) and 5 GiB, was " + threshold);
    }
    if (settings.maxConcurrency() < 1) {
      throw new InvalidConfigurationException(
          "icegate.storage.max-concurrency",
          "must be at least 1, was " + settings.maxConcurrency());
    }
    S3ObjectStore store = new S3ObjectStore(settings.withPrefix(prefix));
    try {
      store.checkBucket();
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw bucketProblem(settings, bucket, e);
    }
  }

  private static void checkEndpoint(String endpoint) {
    try {
      URI uri = new URI(endpoint);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new InvalidConfigurationException(
            "icegate.storage.endpoint", "'" + endpoint + "' is not an http(s) URL");
      }
    } catch (URISyntaxException e) {
      throw new InvalidConfigurationException(
          "icegate.storage.endpoint", "'" + endpoint + "' is not a URL (" + e.getMessage() + ")");
    }
  }

  private static InvalidConfigurationException bucketProblem(
      StorageSettings settings, String bucket, RuntimeException failure) {
    String where = settings.endpoint().orElse("AWS S3 (" + settings.region() + ")");
    int status = S3Errors.status(failure);
    if (status == 0) {
      return new InvalidConfigurationException(
          "icegate.storage.endpoint",
          "cannot reach " + where + " (" + S3Errors.describe(failure) + ")",
          failure);
    }
    if (status == 404) {
      return new InvalidConfigurationException(
          "icegate.storage.bucket", "bucket '" + bucket + "' does not exist at " + where, failure);
    }
    if (status == 401 || status == 403) {
      return new InvalidConfigurationException(
          "icegate.storage.access-key",
          "access to bucket '" + bucket + "' at " + where + " denied (HTTP " + status + ")",
          failure);
    }
    return new InvalidConfigurationException(
        "icegate.storage.bucket",
        "cannot check bucket '"
            + bucket
            + "' at "
            + where
            + " ("
            + S3Errors.describe(failure)
            + ")",
        failure);
  }
}

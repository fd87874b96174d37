package io.icegate.lake.store;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Settles an S3 conditional write ({@code If-None-Match: *}) that did not plainly succeed, by what
 * the key holds now (DESIGN.md §3): a 412 or an ambiguous failure (no answer, 5xx) with our bytes
 * stored is our success, with other bytes a conflict.
 */
final class S3Resolution {
  private S3Resolution() {}

  /**
   * @param holds what the key holds now: empty when nothing, else whether exactly our bytes
   * @return true if the key holds our bytes, false if it holds other bytes
   * @throws StorageException the failure itself when the server refused for a reason other than
   *     412; {@link TransientStorageException} after a 412 when the key is free again; {@link
   *     UnknownOutcomeException} after an ambiguous failure when the key is free or unreadable
   */
  static boolean resolve(String key, RuntimeException failure, Supplier<Optional<Boolean>> holds) {
    boolean taken = S3Errors.status(failure) == 412;
    if (!taken && S3Errors.isDefiniteRejection(failure)) {
      throw S3Errors.map("create", key, failure);
    }
    Optional<Boolean> same;
    try {
      same = holds.get();
    } catch (RuntimeException checkFailure) {
      UnknownOutcomeException unknown =
          new UnknownOutcomeException(
              "Cannot create "
                  + key
                  + ": outcome unknown after "
                  + S3Errors.describe(failure)
                  + ", and reading it back failed: "
                  + checkFailure.getMessage(),
              failure);
      unknown.addSuppressed(checkFailure);
      throw unknown;
    }
    if (same.isPresent()) {
      return same.get();
    }
    if (taken) {
      throw new TransientStorageException(
          "Cannot create " + key + ": precondition failed, but the object is gone", failure);
    }
    throw new UnknownOutcomeException(
        "Cannot create "
            + key
            + ": outcome unknown after "
            + S3Errors.describe(failure)
            + "; the key is free and the write may still land",
        failure);
  }
}

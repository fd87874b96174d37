package io.icegate.lake.store;

import static java.util.Objects.requireNonNull;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Retries {@link TransientStorageException} with bounded attempts and exponential backoff with full
 * jitter; every other error passes through at once.
 *
 * <p>{@code putIfAbsent} is retried by re-issuing it, also after {@link UnknownOutcomeException}:
 * the store resolves a taken key by comparing bytes, so an earlier attempt of ours that landed
 * yields true, never a false conflict. Listings resume after the last key returned. Streams from
 * {@code create} cannot be replayed and are not retried.
 */
public final class RetryingObjectStore implements ObjectStore {
  /**
   * @param maxAttempts attempts in all, the first included
   * @param initialBackoff the cap of the first pause; each later cap doubles up to {@code
   *     maxBackoff}, and the pause is uniformly random below the cap ("full jitter")
   */
  public record Policy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public static final Policy DEFAULT =
        new Policy(6, Duration.ofMillis(50), Duration.ofSeconds(5));

    public Policy {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("Invalid maxAttempts: " + maxAttempts);
      }
      backoff(initialBackoff, maxBackoff); // checks them
    }

    /** The pauses between attempts. */
    Backoff backoff() {
      return backoff(initialBackoff, maxBackoff);
    }

    private static Backoff backoff(Duration initial, Duration max) {
      return new Backoff(initial, max);
    }
  }

  private final ObjectStore delegate;
  private final Policy policy;

  public RetryingObjectStore(ObjectStore delegate, Policy policy) {
    this.delegate = requireNonNull(delegate, "delegate is null");
    this.policy = requireNonNull(policy, "policy is null");
  }

  @Override
  public byte[] get(String key) {
    ObjectKeys.checkKey(key);
    return retry(() -> delegate.get(key), false);
  }

  @Override
  public byte[] getRange(String key, long offset, int length) {
    ObjectKeys.checkKey(key);
    return retry(() -> delegate.getRange(key, offset, length), false);
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    ObjectKeys.checkKey(key);
    return retry(() -> delegate.head(key), false);
  }

  @Override
  public void put(String key, byte[] data) {
    ObjectKeys.checkKey(key);
    retry(
        () -> {
          delegate.put(key, data);
          return null;
        },
        false);
  }

  @Override
  public boolean putIfAbsent(String key, byte[] data) {
    ObjectKeys.checkKey(key);
    return retry(() -> delegate.putIfAbsent(key, data), true);
  }

  @Override
  public OutputStream create(String key, boolean createOnly) {
    ObjectKeys.checkKey(key);
    return retry(() -> delegate.create(key, createOnly), false);
  }

  @Override
  public Stream<ObjectInfo> list(String prefix, Optional<String> startAfter) {
    ObjectKeys.checkPrefix(prefix);
    ResumingIterator iterator = new ResumingIterator(prefix, startAfter);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT),
            false)
        .onClose(iterator::close);
  }

  @Override
  public void delete(String key) {
    ObjectKeys.checkKey(key);
    retry(
        () -> {
          delegate.delete(key);
          return null;
        },
        false);
  }

  @Override
  public void deleteAll(Collection<String> keys) {
    keys.forEach(ObjectKeys::checkKey);
    retry(
        () -> {
          delegate.deleteAll(keys);
          return null;
        },
        false);
  }

  @Override
  public void close() {
    delegate.close();
  }

  private <T> T retry(Supplier<T> call, boolean conditionalWrite) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (TransientStorageException | UnknownOutcomeException e) {
        if (e instanceof UnknownOutcomeException && !conditionalWrite) {
          throw e;
        }
        pauseOrThrow(attempt, e);
      }
    }
  }

  private void pauseOrThrow(int attempt, StorageException failure) {
    if (attempt >= policy.maxAttempts()) {
      throw failure;
    }
    if (!policy.backoff().pause(attempt)) {
      throw failure;
    }
  }

  /** Lists, and on a transient failure lists again after the last key it returned. */
  private final class ResumingIterator implements Iterator<ObjectInfo> {
    private final String prefix;
    private Optional<String> lastKey;
    private Stream<ObjectInfo> stream;
    private Iterator<ObjectInfo> page;
    private int failures;

    ResumingIterator(String prefix, Optional<String> startAfter) {
      this.prefix = prefix;
      this.lastKey = startAfter;
    }

    @Override
    public boolean hasNext() {
      while (true) {
        try {
          if (page == null) {
            stream = delegate.list(prefix, lastKey);
            page = stream.iterator();
          }
          return page.hasNext();
        } catch (TransientStorageException e) {
          close();
          pauseOrThrow(++failures, e);
        }
      }
    }

    @Override
    public ObjectInfo next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ObjectInfo info = page.next();
      lastKey = Optional.of(info.key());
      failures = 0;
      return info;
    }

    void close() {
      if (stream != null) {
        stream.close();
      }
      stream = null;
      page = null;
    }
  }
}

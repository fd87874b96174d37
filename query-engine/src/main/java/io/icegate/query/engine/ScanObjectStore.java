package io.icegate.query.engine;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectStore;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The object store as one query sees it: read-only, and every read charged to the query's {@link
 * QueryBudget}, so bytes scanned counts exactly what the query fetched (metadata, manifests, data
 * files, WAL segments), the Parquet objects it opened are noted, and a query past its byte limit or
 * deadline stops at its next read.
 */
final class ScanObjectStore implements ObjectStore {
  private final ObjectStore delegate;
  private final QueryBudget budget;

  ScanObjectStore(ObjectStore delegate, QueryBudget budget) {
    this.delegate = requireNonNull(delegate, "delegate is null");
    this.budget = requireNonNull(budget, "budget is null");
  }

  @Override
  public byte[] get(String key) {
    budget.checkDeadline();
    budget.noteObjectRead(key);
    byte[] bytes = delegate.get(key);
    budget.chargeBytes(bytes.length);
    return bytes;
  }

  @Override
  public byte[] getRange(String key, long offset, int length) {
    budget.checkDeadline();
    budget.noteObjectRead(key);
    byte[] bytes = delegate.getRange(key, offset, length);
    budget.chargeBytes(bytes.length);
    return bytes;
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    budget.checkDeadline();
    return delegate.head(key);
  }

  @Override
  public Stream<ObjectInfo> list(String prefix, Optional<String> startAfter) {
    budget.checkDeadline();
    return delegate.list(prefix, startAfter);
  }

  @Override
  public void put(String key, byte[] data) {
    throw readOnly();
  }

  @Override
  public boolean putIfAbsent(String key, byte[] data) {
    throw readOnly();
  }

  @Override
  public OutputStream create(String key, boolean createOnly) {
    throw readOnly();
  }

  @Override
  public void delete(String key) {
    throw readOnly();
  }

  @Override
  public void deleteAll(Collection<String> keys) {
    throw readOnly();
  }

  private static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("Cannot write: query scans are read-only");
  }
}

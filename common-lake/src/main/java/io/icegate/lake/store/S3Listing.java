package io.icegate.lake.store;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Pages of ListObjectsV2, fetched while the stream is consumed. */
final class S3Listing implements Iterator<ObjectInfo> {
  private final S3ObjectStore store;
  private final String prefix;
  private Optional<String> startAfter;
  private String continuation;
  private boolean done;
  private Iterator<S3Object> page = Collections.emptyIterator();

  S3Listing(S3ObjectStore store, String prefix, Optional<String> startAfter) {
    this.store = store;
    this.prefix = prefix;
    this.startAfter = startAfter;
  }

  @Override
  public boolean hasNext() {
    while (!page.hasNext() && !done) {
      fetch();
    }
    return page.hasNext();
  }

  @Override
  public ObjectInfo next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    S3Object object = page.next();
    return new ObjectInfo(
        object.key().substring(store.root().length()),
        object.size(),
        S3ObjectStore.etag(object.eTag()),
        object.lastModified());
  }

  private void fetch() {
    String token = continuation;
    Optional<String> after =
        token == null ? startAfter.map(s -> store.root() + s) : Optional.empty();
    ListObjectsV2Response response;
    try {
      response =
          store.await(
              () ->
                  store
                      .client()
                      .listObjectsV2(
                          b ->
                              b.bucket(store.bucket())
                                  .prefix(store.root() + prefix)
                                  .continuationToken(token)
                                  .startAfter(after.orElse(null))));
    } catch (RuntimeException e) {
      throw S3Errors.map("list", prefix, e);
    }
    page = response.contents().iterator();
    continuation = response.nextContinuationToken();
    done = !Boolean.TRUE.equals(response.isTruncated()) || continuation == null;
    startAfter = Optional.empty();
  }
}

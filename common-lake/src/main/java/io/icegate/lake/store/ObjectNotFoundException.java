package io.icegate.lake.store;

/** The object does not exist (HTTP 404, missing file). */
public class ObjectNotFoundException extends StorageException {
  public ObjectNotFoundException(String key) {
    super("Cannot read " + key + ": object does not exist");
  }
}

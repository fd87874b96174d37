package io.icegate.lake.store;

/** A create-only write found the key taken by other content. */
public class ObjectExistsException extends StorageException {
  public ObjectExistsException(String key) {
    super("Cannot create " + key + ": object already exists with other content");
  }
}

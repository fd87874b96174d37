package io.icegate.lake.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A store in a local folder; an object is a file at the path of its key. Safe for concurrent use by
 * several threads and several processes on one machine.
 *
 * <p>Every write goes to a temp file in {@value #TEMP_FOLDER} under the root, is fsynced, and then
 * appears at once: {@code put} renames it over the key, {@code putIfAbsent} hard-links it to the
 * key, which fails atomically when the key exists. The folder is fsynced before a write returns. A
 * key that is a folder of other keys ({@code a} when {@code a/b} exists) cannot also be an object
 * here, unlike on S3.
 */
public final class LocalObjectStore implements ObjectStore {
  /** Holds temp files; a backslash cannot appear in a key, so no object ever collides with it. */
  static final String TEMP_FOLDER = ".tmp\\";

  /** Parents removed by a concurrent delete are re-created this many times before giving up. */
  private static final int MAX_FOLDER_RACES = 100;

  private static final Duration STALE_TEMP_AGE = Duration.ofDays(1);

  private final Path root;
  private final Path tempFolder;
  private final boolean md5Tags;

  /**
   * Opens (and creates) a store in {@code root}.
   *
   * @throws StorageException if the folder cannot be created or written
   */
  public LocalObjectStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.tempFolder = this.root.resolve(TEMP_FOLDER);
    String encoding = System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name());
    if (!Charset.forName(encoding).equals(java.nio.charset.StandardCharsets.UTF_8)) {
      throw new StorageException(
          "Cannot open local store at "
              + this.root
              + ": file names need UTF-8 but the JVM uses "
              + encoding
              + " (set LANG=C.UTF-8)");
    }
    try {
      Files.createDirectories(tempFolder);
      Path probe = writeTemp(new byte[0]);
      md5Tags = LocalFiles.tagMd5(probe, Md5.hex(new byte[0]));
      Files.delete(probe);
      sweepStaleTemps();
    } catch (IOException e) {
      throw new StorageException("Cannot open local store at " + this.root + ": " + describe(e), e);
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public byte[] get(String key) {
    Path path = path(key);
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw readFailure(key, path, e);
    }
  }

  @Override
  public byte[] getRange(String key, long offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("Invalid range: offset " + offset + ", length " + length);
    }
    Path path = path(key);
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      if (!Files.isRegularFile(path)) {
        throw new ObjectNotFoundException(key);
      }
      if (offset >= size) {
        return new byte[0];
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, size - offset));
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, offset + buffer.position()) < 0) {
          break;
        }
      }
      return buffer.hasRemaining()
          ? Arrays.copyOf(buffer.array(), buffer.position())
          : buffer.array();
    } catch (IOException e) {
      throw readFailure(key, path, e);
    }
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    Path path = path(key);
    try {
      return info(key, path, true);
    } catch (IOException e) {
      throw new StorageException("Cannot head " + key + ": " + describe(e), e);
    }
  }

  /** The object at {@code path}, or empty when there is no file there (any more). */
  /**
   * Size, mtime and, when {@code withEtag}, the MD5 (an extended-attribute read per file, which
   * made listings 28 times slower than a plain directory walk; listings skip it).
   */
  Optional<ObjectInfo> info(String key, Path path, boolean withEtag) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attributes.isRegularFile()) {
        return Optional.empty();
      }
      String etag = withEtag ? LocalFiles.md5(path, md5Tags) : "";
      return Optional.of(
          new ObjectInfo(key, attributes.size(), etag, attributes.lastModifiedTime().toInstant()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      if (!Files.isRegularFile(path)) {
        return Optional.empty(); // a parent is a file, or the file just vanished
      }
      throw e;
    }
  }

  @Override
  public void put(String key, byte[] data) {
    Path target = path(key);
    Path temp = null;
    try {
      temp = writeTemp(data);
      moveInto(temp, target);
    } catch (IOException e) {
      throw new StorageException("Cannot write " + key + ": " + describe(e), e);
    } finally {
      LocalFiles.deleteQuietly(temp);
    }
  }

  @Override
  public boolean putIfAbsent(String key, byte[] data) {
    Path target = path(key);
    Path temp = null;
    try {
      temp = writeTemp(data);
      return linkIfAbsent(key, target, temp);
    } catch (IOException e) {
      throw new StorageException("Cannot create " + key + ": " + describe(e), e);
    } finally {
      LocalFiles.deleteQuietly(temp);
    }
  }

  @Override
  public OutputStream create(String key, boolean createOnly) {
    Path target = path(key);
    try {
      return new LocalOutputStream(this, key, target, createOnly, newTempPath());
    } catch (IOException e) {
      throw new StorageException("Cannot create " + key + ": " + describe(e), e);
    }
  }

  @Override
  public Stream<ObjectInfo> list(String prefix, Optional<String> startAfter) {
    ObjectKeys.checkPrefix(prefix);
    var walk = new LocalListing(this, prefix, startAfter.orElse(""));
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            walk, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT),
        false);
  }

  @Override
  public void delete(String key) {
    Path path = path(key);
    try {
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) || !Files.deleteIfExists(path)) {
        return;
      }
    } catch (IOException e) {
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        return; // a parent is a file: nothing to delete
      }
      throw new StorageException("Cannot delete " + key + ": " + describe(e), e);
    }
    // Best effort: writers re-create folders they find missing.
    for (Path folder = path.getParent(); !folder.equals(root); folder = folder.getParent()) {
      try {
        Files.delete(folder);
      } catch (IOException e) {
        break; // not empty (DirectoryNotEmptyException) or already gone
      }
    }
  }

  @Override
  public void deleteAll(Collection<String> keys) {
    keys.forEach(ObjectKeys::checkKey);
    keys.forEach(this::delete);
  }

  Path path(String key) {
    return root.resolve(ObjectKeys.checkKey(key));
  }

  boolean md5Tags() {
    return md5Tags;
  }

  /** Links {@code temp} at {@code target} unless taken; true if the key now holds its bytes. */
  boolean linkIfAbsent(String key, Path target, Path temp) throws IOException {
    for (int race = 0; ; race++) {
      ensureFolder(target.getParent());
      try {
        Files.createLink(target, temp);
      } catch (FileAlreadyExistsException e) {
        try {
          return Files.mismatch(target, temp) == -1L;
        } catch (NoSuchFileException deleted) {
          checkRaces(race, deleted); // deleted meanwhile: the key is free again
          continue;
        }
      } catch (NoSuchFileException e) {
        checkRaces(race, e);
        continue;
      }
      try {
        LocalFiles.fsync(target.getParent());
      } catch (IOException e) {
        throw new UnknownOutcomeException(
            "Cannot create " + key + ": linked but not synced, " + describe(e), e);
      }
      return true;
    }
  }

  /** Renames {@code temp} over {@code target}; rename(2) replaces an existing file atomically. */
  void moveInto(Path temp, Path target) throws IOException {
    for (int race = 0; ; race++) {
      ensureFolder(target.getParent());
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        break;
      } catch (NoSuchFileException e) {
        checkRaces(race, e); // a concurrent delete removed the empty parent
      }
    }
    LocalFiles.fsync(target.getParent());
  }

  private void ensureFolder(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      return;
    }
    if (folder.equals(root)) {
      Files.createDirectories(root);
      return;
    }
    ensureFolder(folder.getParent());
    try {
      Files.createDirectory(folder);
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(folder)) {
        throw new NotDirectoryException(root.relativize(folder) + " is an object, not a folder");
      }
      return;
    }
    LocalFiles.fsync(folder.getParent());
  }

  private static void checkRaces(int race, IOException e) throws IOException {
    if (race >= MAX_FOLDER_RACES) {
      throw e;
    }
  }

  private Path writeTemp(byte[] data) throws IOException {
    Path temp = newTempPath();
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(data);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      if (md5Tags) {
        LocalFiles.tagMd5(temp, Md5.hex(data));
      }
      channel.force(true);
    } catch (IOException e) {
      LocalFiles.deleteQuietly(temp);
      throw e;
    }
    return temp;
  }

  private Path newTempPath() throws IOException {
    if (!Files.isDirectory(tempFolder)) {
      Files.createDirectories(tempFolder);
    }
    return tempFolder.resolve(UUID.randomUUID() + ".tmp");
  }

  private void sweepStaleTemps() throws IOException {
    Instant cutoff = Instant.now().minus(STALE_TEMP_AGE);
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(tempFolder)) {
      for (Path temp : temps) {
        try {
          if (Files.getLastModifiedTime(temp).toInstant().isBefore(cutoff)) {
            Files.deleteIfExists(temp);
          }
        } catch (IOException e) {
          // another process swept it first
        }
      }
    }
  }

  private static StorageException readFailure(String key, Path path, IOException e) {
    if (e instanceof NoSuchFileException || !Files.isRegularFile(path)) {
      return new ObjectNotFoundException(key);
    }
    return new StorageException("Cannot read " + key + ": " + describe(e), e);
  }

  static String describe(IOException e) {
    if (e instanceof DirectoryNotEmptyException || e instanceof NotDirectoryException) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + " " + e.getMessage();
  }
}

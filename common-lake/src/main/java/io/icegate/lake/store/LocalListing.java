package io.icegate.lake.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A lazy depth-first walk of a {@link LocalObjectStore} in key order. One folder is read at a time;
 * its entries are sorted by their key prefix ({@code name/} for a folder, {@code name} for a file)
 * in {@link ObjectKeys#ORDER}, which makes the walk yield whole keys in that order. Folders wholly
 * outside the prefix or at or before {@code startAfter} are never read.
 */
final class LocalListing implements Iterator<ObjectInfo> {
  private record Entry(String key, boolean folder, Path path) {}

  private final LocalObjectStore store;
  private final String prefix;
  private final String startAfter;
  private final Deque<Iterator<Entry>> stack = new ArrayDeque<>();
  private ObjectInfo next;

  LocalListing(LocalObjectStore store, String prefix, String startAfter) {
    this.store = store;
    this.prefix = prefix;
    this.startAfter = startAfter;
    push(prefix.substring(0, prefix.lastIndexOf('/') + 1));
  }

  @Override
  public boolean hasNext() {
    while (next == null && !stack.isEmpty()) {
      Iterator<Entry> top = stack.peek();
      if (!top.hasNext()) {
        stack.pop();
        continue;
      }
      Entry entry = top.next();
      if (entry.folder()) {
        push(entry.key());
      } else {
        try {
          next = store.info(entry.key(), entry.path(), false).orElse(null);
        } catch (IOException e) {
          throw new StorageException(
              "Cannot list " + prefix + ": " + LocalObjectStore.describe(e), e);
        }
      }
    }
    return next != null;
  }

  @Override
  public ObjectInfo next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ObjectInfo result = next;
    next = null;
    return result;
  }

  private void push(String folderKey) {
    Path folder = folderKey.isEmpty() ? store.root() : store.root().resolve(folderKey);
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
      for (Path child : children) {
        String name = child.getFileName().toString();
        if (folderKey.isEmpty() && name.equals(LocalObjectStore.TEMP_FOLDER)) {
          continue;
        }
        boolean isFolder = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
        String key = folderKey + name + (isFolder ? "/" : "");
        if (isFolder ? folderWanted(key) : fileWanted(key)) {
          entries.add(new Entry(key, isFolder, child));
        }
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      // Absent when read (a writer may create it a moment later) or an object: nothing below it.
      // Checking Files.isDirectory afterwards would race with that writer.
    } catch (FileSystemException e) {
      // The folder is gone (deleted meanwhile) or is an object: nothing below it.
      if (Files.isDirectory(folder)) {
        throw new StorageException(
            "Cannot list " + prefix + ": " + LocalObjectStore.describe(e), e);
      }
    } catch (IOException e) {
      throw new StorageException("Cannot list " + prefix + ": " + LocalObjectStore.describe(e), e);
    }
    entries.sort(Comparator.comparing(Entry::key, ObjectKeys.ORDER));
    stack.push(entries.iterator());
  }

  private boolean fileWanted(String key) {
    return key.startsWith(prefix) && ObjectKeys.ORDER.compare(key, startAfter) > 0;
  }

  /** Every key below holds {@code folderKey} as a prefix, so one comparison decides them all. */
  private boolean folderWanted(String folderKey) {
    boolean inPrefix = folderKey.startsWith(prefix) || prefix.startsWith(folderKey);
    return inPrefix
        && (startAfter.startsWith(folderKey)
            || ObjectKeys.ORDER.compare(folderKey, startAfter) > 0);
  }
}

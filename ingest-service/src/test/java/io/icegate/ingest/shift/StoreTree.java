package io.icegate.ingest.shift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file and folder under a local store, with size and modification time: to see changes. */
final class StoreTree {
  private StoreTree() {}

  static Map<String, String> of(Path root) {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      paths.forEach(
          path -> {
            try {
              BasicFileAttributes attributes =
                  Files.readAttributes(path, BasicFileAttributes.class);
              tree.put(
                  root.relativize(path).toString(),
                  attributes.size() + " " + attributes.lastModifiedTime().toMillis());
            } catch (IOException e) {
              // gone between listing and reading: it changed
              tree.put(root.relativize(path).toString(), "vanished");
            }
          });
    } catch (IOException | UncheckedIOException e) {
      // a folder vanished during the walk: the tree is changing
      tree.put("", "changing: " + e);
    }
    return tree;
  }
}

package io.icegate.lake.store;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;

/**
 * File-level helpers of {@link LocalObjectStore}: fsync, and the etag kept in an extended attribute
 * of the file itself, so it moves atomically with the content on rename and link.
 */
final class LocalFiles {
  /** Stored as {@code user.icegate.md5}; read back when present, else the file is hashed. */
  private static final String MD5_ATTRIBUTE = "icegate.md5";

  private static final int MD5_HEX_LENGTH = 32;

  private LocalFiles() {}

  static void fsync(Path path) throws IOException {
    // Opening a folder for reading and forcing it is how Java fsyncs a folder on Linux.
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /** Tries to record the MD5 hex of a file in its extended attribute; true if it could. */
  static boolean tagMd5(Path path, String md5Hex) {
    UserDefinedFileAttributeView view =
        Files.getFileAttributeView(path, UserDefinedFileAttributeView.class);
    if (view == null) {
      return false;
    }
    try {
      view.write(MD5_ATTRIBUTE, ByteBuffer.wrap(md5Hex.getBytes(US_ASCII)));
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The MD5 hex of a file: from its extended attribute when present, else by hashing it. */
  static String md5(Path path, boolean tagged) throws IOException {
    if (tagged) {
      UserDefinedFileAttributeView view =
          Files.getFileAttributeView(path, UserDefinedFileAttributeView.class);
      try {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        int length = view.read(MD5_ATTRIBUTE, buffer);
        if (length == MD5_HEX_LENGTH) {
          return new String(buffer.array(), 0, length, US_ASCII);
        }
      } catch (NoSuchFileException e) {
        throw e;
      } catch (FileSystemException | UnsupportedOperationException e) {
        // No attribute (a file written by something else): hash it.
      }
    }
    MessageDigest digest = Md5.newDigest();
    try (InputStream in = Files.newInputStream(path)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return Md5.hex(digest);
  }

  static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A leftover temp file is swept when a store next opens the root.
    }
  }
}

package io.icegate.lake.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/** Streams into a temp file; on close it is synced and renamed or linked into place. */
final class LocalOutputStream extends OutputStream {
  private final LocalObjectStore store;
  private final String key;
  private final Path target;
  private final boolean createOnly;
  private final Path temp;
  private final FileChannel channel;
  private final MessageDigest md5 = Md5.newDigest();
  private final OutputStream out;
  private boolean closed;

  LocalOutputStream(LocalObjectStore store, String key, Path target, boolean createOnly, Path temp)
      throws IOException {
    this.store = store;
    this.key = key;
    this.target = target;
    this.createOnly = createOnly;
    this.temp = temp;
    this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    this.out =
        new BufferedOutputStream(
            new DigestOutputStream(Channels.newOutputStream(channel), md5), 64 * 1024);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (channel) {
      out.flush();
      if (store.md5Tags()) {
        LocalFiles.tagMd5(temp, Md5.hex(md5));
      }
      channel.force(true);
    } catch (IOException e) {
      LocalFiles.deleteQuietly(temp);
      throw e;
    }
    try {
      if (createOnly) {
        if (!store.linkIfAbsent(key, target, temp)) {
          throw new ObjectExistsException(key);
        }
      } else {
        store.moveInto(temp, target);
      }
    } finally {
      LocalFiles.deleteQuietly(temp);
    }
  }
}

package io.icegate.lake.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** MD5 hex digests: the etag of single-part objects on S3 and on our own stores. */
final class Md5 {
  private Md5() {}

  static String hex(byte[] data) {
    return HexFormat.of().formatHex(newDigest().digest(data));
  }

  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every JVM", e);
    }
  }
}

package io.icegate.ingest.otlp;

import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalSignal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Batch ids (DESIGN.md §6): the first 16 bytes of SHA-256 over tenant, signal and the request's
 * canonical protobuf serialization, as 32 lowercase hex characters. A client's retry of the same
 * request gets the same id whatever its encoding (protobuf or JSON, gzip or not); the rows of one
 * request that go to two signals ({@code logs} and {@code events}) get two ids.
 */
public final class BatchIds {
  private BatchIds() {}

  public static String of(TenantId tenant, WalSignal signal, byte[] canonicalRequest) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash batch: no SHA-256 in this JVM", e);
    }
    // Length-prefixed fields: no tenant/signal pair can run into another.
    update(sha256, tenant.value().getBytes(StandardCharsets.UTF_8));
    update(sha256, signal.id().getBytes(StandardCharsets.UTF_8));
    update(sha256, canonicalRequest);
    byte[] digest = sha256.digest();
    return HexFormat.of().formatHex(digest, 0, 16);
  }

  private static void update(MessageDigest digest, byte[] field) {
    int length = field.length;
    digest.update(
        new byte[] {
          (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length
        });
    digest.update(field);
  }
}

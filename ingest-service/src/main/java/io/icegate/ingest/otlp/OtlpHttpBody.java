package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.IngestRejectedException.Reason.INVALID;
import static io.icegate.ingest.otlp.IngestRejectedException.Reason.TOO_LARGE;
import static io.icegate.ingest.otlp.IngestRejectedException.Reason.UNSUPPORTED_MEDIA_TYPE;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP request body as sent: its encoding (protobuf or JSON, from {@code Content-Type}) and
 * its bytes after {@code Content-Encoding} is undone. Gzip is inflated in a stream that stops at
 * the decompressed-size limit, so a zip bomb costs at most that much memory.
 */
record OtlpHttpBody(Encoding encoding, byte[] bytes) {
  /** The two OTLP/HTTP encodings. */
  enum Encoding {
    PROTOBUF("application/x-protobuf"),
    JSON("application/json");

    private final String mediaType;

    Encoding(String mediaType) {
      this.mediaType = mediaType;
    }

    String mediaType() {
      return mediaType;
    }

    /**
     * The encoding of a Content-Type, if it is one of OTLP's (parameters such as charset ignored).
     */
    static Optional<Encoding> of(Optional<String> contentType) {
      String type =
          contentType.map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
      for (Encoding encoding : values()) {
        if (encoding.mediaType.equals(type)) {
          return Optional.of(encoding);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Reads a body.
   *
   * @throws IngestRejectedException 415 for a content type or encoding OTLP does not define, 413
   *     for a body over a size limit, 400 for a body that is not valid gzip
   */
  static OtlpHttpBody read(
      Optional<String> contentType,
      Optional<String> contentEncoding,
      byte[] sent,
      IngestLimits limits) {
    Encoding encoding =
        Encoding.of(contentType)
            .orElseThrow(
                () ->
                    new IngestRejectedException(
                        UNSUPPORTED_MEDIA_TYPE,
                        "Cannot accept request: unsupported Content-Type '"
                            + contentType.orElse("")
                            + "' (expected application/x-protobuf or application/json)"));
    if (sent.length > limits.maxRequestBytes()) {
      throw new IngestRejectedException(
          TOO_LARGE,
          "Cannot accept request: body of "
              + sent.length
              + " bytes exceeds the limit of "
              + limits.maxRequestBytes()
              + " bytes");
    }
    String coding = contentEncoding.map(e -> e.trim().toLowerCase(Locale.ROOT)).orElse("");
    byte[] bytes =
        switch (coding) {
          case "", "identity" -> checkSize(sent, limits);
          case "gzip", "x-gzip" -> gunzip(sent, limits.maxDecompressedBytes());
          default ->
              throw new IngestRejectedException(
                  UNSUPPORTED_MEDIA_TYPE,
                  "Cannot accept request: unsupported Content-Encoding '"
                      + coding
                      + "' (expected gzip or none)");
        };
    return new OtlpHttpBody(encoding, bytes);
  }

  private static byte[] checkSize(byte[] bytes, IngestLimits limits) {
    if (bytes.length > limits.maxDecompressedBytes()) {
      throw tooLargeDecompressed(limits.maxDecompressedBytes());
    }
    return bytes;
  }

  private static byte[] gunzip(byte[] sent, long max) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(sent.length * 4, 1 << 20));
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(sent), buffer.length)) {
      long total = 0;
      int read;
      while ((read = in.read(buffer)) > 0) {
        total += read;
        if (total > max) {
          throw tooLargeDecompressed(max);
        }
        out.write(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new IngestRejectedException(
          INVALID,
          "Cannot accept request: Content-Encoding is gzip but the body is not valid gzip: "
              + e.getMessage(),
          Optional.empty(),
          e);
    }
    return out.toByteArray();
  }

  private static IngestRejectedException tooLargeDecompressed(long max) {
    return new IngestRejectedException(
        TOO_LARGE,
        "Cannot accept request: decompressed body exceeds the limit of " + max + " bytes");
  }
}

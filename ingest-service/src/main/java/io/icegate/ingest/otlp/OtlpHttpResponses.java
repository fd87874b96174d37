package io.icegate.ingest.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.Code;
import com.google.rpc.Status;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * OTLP/HTTP answers: an {@code Export*ServiceResponse} on success, a {@code google.rpc.Status} on
 * failure, each in the encoding of the request (JSON when the request's own was not recognised).
 */
final class OtlpHttpResponses {
  private static final JsonFormat.Printer JSON =
      JsonFormat.printer().omittingInsignificantWhitespace();

  private OtlpHttpResponses() {}

  static MutableHttpResponse<byte[]> ok(Message response, OtlpHttpBody.Encoding encoding) {
    return HttpResponse.ok(encode(response, encoding)).contentType(encoding.mediaType());
  }

  static MutableHttpResponse<byte[]> rejected(
      IngestRejectedException e, OtlpHttpBody.Encoding encoding) {
    Status status =
        Status.newBuilder()
            .setCode(e.reason().grpcCode().value())
            .setMessage(e.getMessage())
            .build();
    MutableHttpResponse<byte[]> response =
        HttpResponse.<byte[]>status(io.micronaut.http.HttpStatus.valueOf(e.reason().httpStatus()))
            .body(encode(status, encoding))
            .contentType(encoding.mediaType());
    e.retryAfter().ifPresent(delay -> response.header("Retry-After", seconds(delay)));
    if (e.reason() == IngestRejectedException.Reason.UNAUTHENTICATED) {
      response.header("WWW-Authenticate", "Bearer");
    }
    return response;
  }

  static MutableHttpResponse<byte[]> internal(Throwable e, OtlpHttpBody.Encoding encoding) {
    Status status =
        Status.newBuilder()
            .setCode(Code.INTERNAL_VALUE)
            .setMessage("Cannot ingest request: " + e)
            .build();
    return HttpResponse.<byte[]>serverError(encode(status, encoding))
        .contentType(encoding.mediaType());
  }

  private static String seconds(Duration delay) {
    return Long.toString(Math.max(1, (delay.toMillis() + 999) / 1000));
  }

  private static byte[] encode(Message message, OtlpHttpBody.Encoding encoding) {
    if (encoding == OtlpHttpBody.Encoding.PROTOBUF) {
      return message.toByteArray();
    }
    try {
      return JSON.print(message).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("Cannot print " + message.getDescriptorForType(), e);
    }
  }
}

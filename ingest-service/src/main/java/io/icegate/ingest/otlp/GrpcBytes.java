package io.icegate.ingest.otlp;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A gRPC marshaller of raw bytes: the export services decode requests themselves (to answer a bad
 * one with {@code INVALID_ARGUMENT}), and clients that already hold encoded requests send them as
 * they are.
 */
public final class GrpcBytes implements MethodDescriptor.Marshaller<byte[]> {
  public static final GrpcBytes MARSHALLER = new GrpcBytes();

  private GrpcBytes() {}

  @Override
  public InputStream stream(byte[] value) {
    return new ByteArrayInputStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

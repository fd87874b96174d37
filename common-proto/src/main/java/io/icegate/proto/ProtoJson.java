package io.icegate.proto;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;

/**
 * The canonical protobuf JSON form of the records services exchange through object storage.
 *
 * <p>Writers emit compact proto3 JSON; readers ignore unknown fields so that a newer writer's
 * additions never break an older reader (the same evolution rules as binary protobuf).
 */
public final class ProtoJson {
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  private ProtoJson() {}

  public static String toJson(Message message) {
    try {
      return PRINTER.print(message);
    } catch (InvalidProtocolBufferException e) {
      // Only Any fields without a type registry can fail; our records have none.
      throw new IllegalStateException("Cannot print " + message.getDescriptorForType(), e);
    }
  }

  public static byte[] toJsonBytes(Message message) {
    return toJson(message).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses {@code json} into a fresh builder of the given prototype's type.
   *
   * @throws IllegalArgumentException if the text is not valid JSON for that message
   */
  @SuppressWarnings("unchecked")
  public static <T extends Message> T parse(String json, T prototype) {
    Message.Builder builder = prototype.newBuilderForType();
    try {
      PARSER.merge(json, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(
          "Cannot parse " + prototype.getDescriptorForType().getFullName() + ": " + e.getMessage(),
          e);
    }
    return (T) builder.build();
  }

  public static <T extends Message> T parse(byte[] json, T prototype) {
    return parse(new String(json, StandardCharsets.UTF_8), prototype);
  }
}

package io.icegate.ingest.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/** Short constructors of OTLP values for tests. */
final class OtlpValues {
  static final byte[] TRACE_ID = HexFormat.of().parseHex("5b8efff798038103d269b633813fc60c");
  static final byte[] SPAN_ID = HexFormat.of().parseHex("eee19b7ec3c1b174");

  private OtlpValues() {}

  static AnyValue str(String value) {
    return AnyValue.newBuilder().setStringValue(value).build();
  }

  static AnyValue integer(long value) {
    return AnyValue.newBuilder().setIntValue(value).build();
  }

  static AnyValue dbl(double value) {
    return AnyValue.newBuilder().setDoubleValue(value).build();
  }

  static AnyValue bool(boolean value) {
    return AnyValue.newBuilder().setBoolValue(value).build();
  }

  static AnyValue bytes(byte... value) {
    return AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(value)).build();
  }

  static AnyValue array(AnyValue... values) {
    ArrayValue.Builder array = ArrayValue.newBuilder();
    for (AnyValue value : values) {
      array.addValues(value);
    }
    return AnyValue.newBuilder().setArrayValue(array).build();
  }

  static AnyValue kvlist(KeyValue... values) {
    KeyValueList.Builder list = KeyValueList.newBuilder();
    for (KeyValue value : values) {
      list.addValues(value);
    }
    return AnyValue.newBuilder().setKvlistValue(list).build();
  }

  /** Arrays nested {@code levels} deep around a string. */
  static AnyValue nested(int levels) {
    AnyValue value = str("bottom");
    for (int i = 0; i < levels; i++) {
      value = array(value);
    }
    return value;
  }

  static KeyValue kv(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  static KeyValue kv(String key, String value) {
    return kv(key, str(value));
  }

  static ByteString id(byte[] bytes) {
    return ByteString.copyFrom(bytes);
  }

  static ByteString zeros(int length) {
    return ByteString.copyFrom(new byte[length]);
  }

  static OffsetDateTime utc(String isoInstant) {
    return OffsetDateTime.parse(isoInstant);
  }
}

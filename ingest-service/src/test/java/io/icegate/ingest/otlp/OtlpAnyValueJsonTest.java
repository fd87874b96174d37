package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.OtlpValues.array;
import static io.icegate.ingest.otlp.OtlpValues.bool;
import static io.icegate.ingest.otlp.OtlpValues.bytes;
import static io.icegate.ingest.otlp.OtlpValues.dbl;
import static io.icegate.ingest.otlp.OtlpValues.integer;
import static io.icegate.ingest.otlp.OtlpValues.kv;
import static io.icegate.ingest.otlp.OtlpValues.kvlist;
import static io.icegate.ingest.otlp.OtlpValues.nested;
import static io.icegate.ingest.otlp.OtlpValues.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attribute and body values: strings as is, every other AnyValue kind as compact JSON. */
class OtlpAnyValueJsonTest {
  @Test
  void storesStringsAsIs() {
    assertThat(column(str("some \"quoted\"\ntext"))).isEqualTo("some \"quoted\"\ntext");
    assertThat(column(str(""))).isEmpty();
  }

  @Test
  void storesScalarsAsJson() {
    assertThat(column(bool(true))).isEqualTo("true");
    assertThat(column(integer(10))).isEqualTo("10");
    assertThat(column(integer(Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
    assertThat(column(dbl(637.704))).isEqualTo("637.704");
    assertThat(column(dbl(5))).isEqualTo("5.0");
    assertThat(column(dbl(1e20))).isEqualTo("1.0E20");
    assertThat(column(dbl(Double.NaN))).isEqualTo("\"NaN\"");
    assertThat(column(dbl(Double.NEGATIVE_INFINITY))).isEqualTo("\"-Infinity\"");
    assertThat(column(bytes((byte) 1, (byte) 2, (byte) 0xff))).isEqualTo("\"AQL/\"");
    assertThat(column(AnyValue.getDefaultInstance())).isEqualTo("null");
  }

  @Test
  void storesArraysAndKvlistsAsJsonInTheOrderSent() {
    AnyValue value =
        kvlist(
            kv(
                "z",
                array(
                    str("many"), integer(2), dbl(0.5), bool(false), AnyValue.newBuilder().build())),
            kv("a", kvlist(kv("k\"ey", str("tab\there\u0001")))),
            kv("b", bytes((byte) 7)));

    assertThat(column(value))
        .isEqualTo(
            "{\"z\":[\"many\",2,0.5,false,null],\"a\":{\"k\\\"ey\":\"tab\\there\\u0001\"},"
                + "\"b\":\"Bw==\"}");
  }

  @Test
  void acceptsNestingUpToTheLimit() {
    String json = column(nested(AnyValueJson.MAX_NESTING));

    assertThat(json).startsWith("[".repeat(32) + "\"bottom\"").endsWith("]".repeat(32));
  }

  @Test
  void rejectsNestingPastTheLimit() {
    assertThatThrownBy(() -> column(nested(AnyValueJson.MAX_NESTING + 1)))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("attribute 'x' nests arrays/kvlists deeper than 32 levels");
  }

  @Test
  void keepsTheLastValueOfARepeatedKey() {
    assertThat(AnyValueJson.attributes(List.of(kv("a", "1"), kv("a", integer(2))), "attribute"))
        .containsExactly(java.util.Map.entry("a", "2"));
  }

  @Test
  void rejectsProfileStringTableReferences() {
    AnyValue indexed = AnyValue.newBuilder().setStringValueStrindex(3).build();
    assertThatThrownBy(() -> column(indexed))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage(
            "attribute 'x' uses string_value_strindex, which is only valid in OTLP profiles");
    KeyValue indexedKey = KeyValue.newBuilder().setKeyStrindex(2).setValue(str("v")).build();
    assertThatThrownBy(() -> AnyValueJson.attributes(List.of(indexedKey), "scope attribute"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("scope attribute uses key_strindex, which is only valid in OTLP profiles");
  }

  private static String column(AnyValue value) {
    return AnyValueJson.attributes(List.of(kv("x", value)), "attribute").get("x");
  }
}

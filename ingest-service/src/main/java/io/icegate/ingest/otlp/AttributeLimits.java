package io.icegate.ingest.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits on one attribute list: at most {@code maxCount} attributes (the rest dropped and
 * counted), string values at most {@code maxValueLength} characters (cut, as the OpenTelemetry SDKs
 * do), arrays and kvlists at most {@code maxNesting} levels deep (deeper fails the request).
 */
record AttributeLimits(int maxCount, int maxValueLength, int maxNesting) {

  /** A list within the limits, and how many attributes were dropped to get there. */
  record Limited(List<KeyValue> attributes, int dropped) {}

  /**
   * Checks nesting and tells whether {@link #apply} would change the list.
   *
   * @throws IngestRejectedException (INVALID) when a value nests deeper than allowed
   */
  boolean needsChange(List<KeyValue> attributes, String where) {
    boolean change = attributes.size() > maxCount;
    for (KeyValue attribute : attributes) {
      change |= needsChange(attribute.getValue(), 0, where, attribute.getKey());
    }
    return change;
  }

  /** Checks the nesting of a value that is never cut (a log body). */
  void checkNesting(AnyValue value, String where) {
    needsChange(value, 0, where, "body");
  }

  Limited apply(List<KeyValue> attributes) {
    int kept = Math.min(attributes.size(), maxCount);
    List<KeyValue> out = new ArrayList<>(kept);
    for (int i = 0; i < kept; i++) {
      KeyValue attribute = attributes.get(i);
      out.add(attribute.toBuilder().setValue(cut(attribute.getValue())).build());
    }
    return new Limited(out, attributes.size() - kept);
  }

  private boolean needsChange(AnyValue value, int nesting, String where, String key) {
    switch (value.getValueCase()) {
      case STRING_VALUE -> {
        return value.getStringValue().length() > maxValueLength;
      }
      case ARRAY_VALUE -> {
        checkNesting(nesting + 1, where, key);
        boolean change = false;
        for (AnyValue element : value.getArrayValue().getValuesList()) {
          change |= needsChange(element, nesting + 1, where, key);
        }
        return change;
      }
      case KVLIST_VALUE -> {
        checkNesting(nesting + 1, where, key);
        boolean change = false;
        for (KeyValue element : value.getKvlistValue().getValuesList()) {
          change |= needsChange(element.getValue(), nesting + 1, where, key);
        }
        return change;
      }
      default -> {
        return false;
      }
    }
  }

  private void checkNesting(int nesting, String where, String key) {
    if (nesting > maxNesting) {
      throw new IngestRejectedException(
          IngestRejectedException.Reason.INVALID,
          "Cannot accept request: "
              + where
              + " '"
              + key
              + "' nests arrays/kvlists deeper than the limit of "
              + maxNesting
              + " levels");
    }
  }

  private AnyValue cut(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE ->
          value.getStringValue().length() <= maxValueLength
              ? value
              : AnyValue.newBuilder().setStringValue(truncate(value.getStringValue())).build();
      case ARRAY_VALUE -> {
        ArrayValue.Builder array = ArrayValue.newBuilder();
        value.getArrayValue().getValuesList().forEach(element -> array.addValues(cut(element)));
        yield AnyValue.newBuilder().setArrayValue(array).build();
      }
      case KVLIST_VALUE -> {
        KeyValueList.Builder list = KeyValueList.newBuilder();
        for (KeyValue element : value.getKvlistValue().getValuesList()) {
          list.addValues(element.toBuilder().setValue(cut(element.getValue())));
        }
        yield AnyValue.newBuilder().setKvlistValue(list).build();
      }
      default -> value;
    };
  }

  private String truncate(String text) {
    int end = maxValueLength;
    // Never split a surrogate pair: the cut value must stay valid UTF-16 (and so UTF-8).
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}

package io.icegate.ingest.shift;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.util.JsonUtil;

/** WAL offsets as the snapshot summary stores them: {@code {"lane": seq}}, lanes sorted. */
final class OffsetsJson {
  private OffsetsJson() {}

  static String format(Map<String, Long> offsets) {
    try {
      return JsonUtil.mapper().writeValueAsString(new TreeMap<>(offsets));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot encode offsets " + offsets, e);
    }
  }
}

package io.icegate.lake.wal;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * How a {@link WalWriter} batches and bounds its work.
 *
 * @param lanes lane ids this process writes (each a separate sequence of segments)
 * @param flushBytes flush a segment once this much input is pending (default 16 MiB)
 * @param flushInterval flush a segment once the oldest pending append is this old (default 200 ms)
 * @param ackDeadline an append not durable within this time fails retryably (default 3 s, below the
 *     Collector's 5 s export timeout)
 * @param maxInFlightBytes input bytes accepted but not yet durable; beyond it appends are refused
 *     (backpressure) instead of growing memory (default 256 MiB)
 */
public record WalWriterSettings(
    List<String> lanes,
    long flushBytes,
    Duration flushInterval,
    Duration ackDeadline,
    long maxInFlightBytes) {
  public static final long DEFAULT_FLUSH_BYTES = 16L << 20;
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(200);
  public static final Duration DEFAULT_ACK_DEADLINE = Duration.ofSeconds(3);
  public static final long DEFAULT_MAX_IN_FLIGHT_BYTES = 256L << 20;

  public WalWriterSettings {
    lanes = List.copyOf(lanes);
    if (lanes.isEmpty()) {
      throw new IllegalArgumentException("Invalid WAL settings: no lanes");
    }
    lanes.forEach(WalKeys::checkLane);
    if (new HashSet<>(lanes).size() != lanes.size()) {
      throw new IllegalArgumentException("Invalid WAL settings: duplicate lane in " + lanes);
    }
    if (flushBytes <= 0 || maxInFlightBytes < flushBytes || maxInFlightBytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "Invalid WAL settings: flush bytes "
              + flushBytes
              + " must be positive and at most max in-flight bytes "
              + maxInFlightBytes
              + " (at most 2 GiB)");
    }
    if (flushInterval.isNegative() || ackDeadline.isNegative() || ackDeadline.isZero()) {
      throw new IllegalArgumentException("Invalid WAL settings: negative interval or deadline");
    }
  }

  public static WalWriterSettings defaults(List<String> lanes) {
    return new WalWriterSettings(
        lanes,
        DEFAULT_FLUSH_BYTES,
        DEFAULT_FLUSH_INTERVAL,
        DEFAULT_ACK_DEADLINE,
        DEFAULT_MAX_IN_FLIGHT_BYTES);
  }
}

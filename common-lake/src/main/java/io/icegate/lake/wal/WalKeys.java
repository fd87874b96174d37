package io.icegate.lake.wal;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Object keys of the WAL (DESIGN.md §3): {@code wal/{signal}/{lane}/{seq:020}.parquet}. Zero
 * padding makes key order equal seq order, so a lane's newest segment is the last listed.
 */
public final class WalKeys {
  private static final Pattern LANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern SEGMENT =
      Pattern.compile("wal/([a-z]+)/([A-Za-z0-9][A-Za-z0-9_.-]{0,63})/(\\d{20})\\.parquet");

  private WalKeys() {}

  /** A segment's place in the WAL. */
  public record SegmentId(WalSignal signal, String lane, long seq) {
    public SegmentId {
      requireNonNull(signal, "signal is null");
      checkLane(lane);
      if (seq < 0) {
        throw new IllegalArgumentException("Invalid seq: " + seq);
      }
    }

    public String key() {
      return lanePrefix(signal, lane) + String.format("%020d", seq) + ".parquet";
    }
  }

  /**
   * Returns {@code lane} if it can be part of an object key: 1–64 characters of {@code
   * [A-Za-z0-9_.-]}, starting with a letter or digit.
   */
  public static String checkLane(String lane) {
    if (lane == null || !LANE.matcher(lane).matches()) {
      throw new IllegalArgumentException(
          "Invalid WAL lane '"
              + lane
              + "': expected 1-64 characters of [A-Za-z0-9_.-] starting with a letter or digit");
    }
    return lane;
  }

  public static String signalPrefix(WalSignal signal) {
    return "wal/" + signal.id() + "/";
  }

  public static String lanePrefix(WalSignal signal, String lane) {
    return signalPrefix(signal) + checkLane(lane) + "/";
  }

  /** The segment a key names, or empty for any other key (batch-id index objects, strays). */
  public static Optional<SegmentId> parse(String key) {
    Matcher matcher = SEGMENT.matcher(key);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    WalSignal signal;
    try {
      signal = WalSignal.of(matcher.group(1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(new SegmentId(signal, matcher.group(2), Long.parseLong(matcher.group(3))));
  }
}

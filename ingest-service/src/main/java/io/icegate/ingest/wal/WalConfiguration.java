package io.icegate.ingest.wal;

import static io.icegate.lake.config.ConfigChecks.between;
import static io.icegate.lake.config.ConfigChecks.notNegative;
import static io.icegate.lake.config.ConfigChecks.orDefault;
import static io.icegate.lake.config.ConfigChecks.positive;

import io.icegate.lake.config.InvalidConfigurationException;
import io.icegate.lake.wal.WalKeys;
import io.icegate.lake.wal.WalWriterSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The {@code icegate.wal.*} keys (the dedup window is {@code DedupWindow}'s). Byte and time
 * defaults are {@link WalWriterSettings}'; lanes default to {@code <hostname>-0} … {@code
 * <hostname>-<lane-count - 1>}, so a StatefulSet pod keeps its lanes across restarts.
 *
 * @param lanes explicit lane ids; when set, {@code lane-count} must be unset
 * @param laneCount number of lanes named after the host (default 1)
 * @param flushBytes input size that flushes a segment ({@code 16MB})
 * @param flushInterval age of the oldest pending append that flushes a segment ({@code 200ms})
 * @param ackDeadline time after which an append fails retryably ({@code 3s})
 * @param maxInFlightBytes input accepted but not yet durable, per signal ({@code 256MB})
 */
@ConfigurationProperties("icegate.wal")
public record WalConfiguration(
    @Nullable List<String> lanes,
    @Nullable Integer laneCount,
    @Nullable @ReadableBytes Long flushBytes,
    @Nullable Duration flushInterval,
    @Nullable Duration ackDeadline,
    @Nullable @ReadableBytes Long maxInFlightBytes) {
  public static final int DEFAULT_LANE_COUNT = 1;

  public WalConfiguration {
    if (lanes != null && !lanes.isEmpty()) {
      if (laneCount != null) {
        throw new InvalidConfigurationException(
            "icegate.wal.lane-count", "cannot be combined with icegate.wal.lanes");
      }
      if (lanes.stream().distinct().count() != lanes.size()) {
        throw new InvalidConfigurationException("icegate.wal.lanes", "duplicate lane in " + lanes);
      }
      lanes.forEach(WalConfiguration::checkLane);
      lanes = List.copyOf(lanes);
    } else {
      lanes = null;
      laneCount =
          between("icegate.wal.lane-count", orDefault(laneCount, DEFAULT_LANE_COUNT), 1, 64);
    }
    flushBytes =
        positive(
            "icegate.wal.flush-bytes",
            orDefault(flushBytes, WalWriterSettings.DEFAULT_FLUSH_BYTES));
    maxInFlightBytes = orDefault(maxInFlightBytes, WalWriterSettings.DEFAULT_MAX_IN_FLIGHT_BYTES);
    if (maxInFlightBytes < flushBytes || maxInFlightBytes > Integer.MAX_VALUE) {
      throw new InvalidConfigurationException(
          "icegate.wal.max-in-flight-bytes",
          "must be at least icegate.wal.flush-bytes (" + flushBytes + ") and below 2 GiB");
    }
    flushInterval =
        notNegative(
            "icegate.wal.flush-interval",
            orDefault(flushInterval, WalWriterSettings.DEFAULT_FLUSH_INTERVAL));
    ackDeadline =
        positive(
            "icegate.wal.ack-deadline",
            orDefault(ackDeadline, WalWriterSettings.DEFAULT_ACK_DEADLINE));
  }

  public static WalConfiguration defaults() {
    return new WalConfiguration(null, null, null, null, null, null);
  }

  /** The writer settings these keys describe, lanes named after {@code hostName} unless listed. */
  public WalWriterSettings toSettings(String hostName) {
    List<String> laneIds =
        lanes != null
            ? lanes
            : IntStream.range(0, laneCount).mapToObj(i -> laneBase(hostName) + "-" + i).toList();
    return new WalWriterSettings(laneIds, flushBytes, flushInterval, ackDeadline, maxInFlightBytes);
  }

  private static void checkLane(String lane) {
    try {
      WalKeys.checkLane(lane);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException("icegate.wal.lanes", e.getMessage());
    }
  }

  /**
   * A host name made fit for a lane id: characters outside {@code [A-Za-z0-9_.-]} become {@code -},
   * at most 60 characters, {@code host} when nothing usable is left.
   */
  static String laneBase(String hostName) {
    String cleaned = hostName.replaceAll("[^A-Za-z0-9_.-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
    cleaned = cleaned.length() > 60 ? cleaned.substring(0, 60) : cleaned;
    return cleaned.isEmpty() ? "host" : cleaned.toLowerCase(Locale.ROOT);
  }

  /** This machine's name: {@code HOSTNAME} if set (as in every Kubernetes pod), else the OS's. */
  public static String localHostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "host";
    }
  }
}

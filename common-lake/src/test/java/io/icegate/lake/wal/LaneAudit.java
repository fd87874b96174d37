package io.icegate.lake.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.wal.WalKeys.SegmentId;
import io.icegate.proto.v1.WalBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;

/**
 * Reads a whole WAL and checks what must hold whatever happened while it was written: every lane's
 * seqs are contiguous from 1, each segment's footer names the seq, lane and signal of its key, and
 * no segment was written twice (writer tokens are unique).
 *
 * @param batchCounts how many times each batch id is stored
 * @param seqsByLane the seqs present, by lane
 * @param segmentsByBatch the segments holding each batch id
 */
public record LaneAudit(
    Map<String, Integer> batchCounts,
    Map<String, List<Long>> seqsByLane,
    Map<String, List<SegmentId>> segmentsByBatch) {

  public static LaneAudit of(ObjectStore store, WalSignal signal) {
    WalReader reader = new WalReader(store);
    Map<String, Integer> counts = new HashMap<>();
    Map<String, List<Long>> seqs = new TreeMap<>();
    Map<String, List<SegmentId>> segments = new HashMap<>();
    Set<String> tokens = new HashSet<>();
    for (String lane : reader.lanes(signal)) {
      List<SegmentId> ids = reader.segmentsAfter(signal, lane, -1);
      List<Long> laneSeqs = ids.stream().map(SegmentId::seq).toList();
      assertThat(laneSeqs)
          .as("seqs of lane %s are contiguous from 1", lane)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, ids.size()).boxed().toList());
      seqs.put(lane, laneSeqs);
      for (SegmentId id : ids) {
        WalSegment segment = reader.read(id);
        assertThat(segment.footer().getSeq()).as("footer seq of %s", id.key()).isEqualTo(id.seq());
        assertThat(segment.footer().getLane()).isEqualTo(lane);
        assertThat(segment.footer().getSignal()).isEqualTo(signal.id());
        assertThat(tokens.add(segment.footer().getWriterToken()))
            .as("segment %s written once", id.key())
            .isTrue();
        for (WalBatch batch : segment.footer().getBatchesList()) {
          counts.merge(batch.getBatchId(), 1, Integer::sum);
          segments.computeIfAbsent(batch.getBatchId(), b -> new ArrayList<>()).add(id);
        }
      }
    }
    return new LaneAudit(counts, seqs, segments);
  }

  /** Asserts that each of {@code batchIds} is stored exactly once. */
  public LaneAudit storesEachOnce(Iterable<String> batchIds) {
    for (String id : batchIds) {
      assertThat(batchCounts.getOrDefault(id, 0)).as("copies of batch %s", id).isEqualTo(1);
    }
    return this;
  }
}

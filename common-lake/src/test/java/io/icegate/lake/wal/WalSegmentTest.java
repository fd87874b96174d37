package io.icegate.lake.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.schema.TableDefinition;
import io.icegate.lake.tenant.TenantId;
import io.icegate.proto.v1.WalBatch;
import io.icegate.proto.v1.WalSegmentFooter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;

class WalSegmentTest {
  private static final TableDefinition LOGS = LakeTables.logs();
  private static final WalSegmentFooter HEADER =
      WalSegmentFooter.newBuilder()
          .setWriterToken("token-1")
          .setSignal("logs")
          .setLane("ingest-0-0")
          .setSeq(7)
          .setCreatedAtMs(1_764_000_000_000L)
          .build();
  private static final String BATCH_A = "a".repeat(32);
  private static final String BATCH_B = "b".repeat(32);
  private static final String BATCH_C = "c".repeat(32);

  private final WalSegmentEncoder encoder = new WalSegmentEncoder(LOGS.schema(), LOGS.properties());

  @Test
  void rowsComeBackExactlyInArrivalOrder() {
    List<WalBatchRows> batches = threeBatches();

    WalSegment segment = WalSegment.of(encoder.encode(HEADER, batches).bytes());

    assertThat(segment.rows(LOGS.schema()))
        .containsExactlyElementsOf(batches.stream().flatMap(b -> b.rows().stream()).toList());
  }

  @Test
  void footerDescribesEachBatch() {
    WalSegmentFooter footer =
        WalSegment.of(encoder.encode(HEADER, threeBatches()).bytes()).footer();

    assertThat(footer.getWriterToken()).isEqualTo("token-1");
    assertThat(footer.getSeq()).isEqualTo(7);
    assertThat(footer.getBatchesList())
        .extracting(
            WalBatch::getBatchId,
            WalBatch::getTenant,
            WalBatch::getFirstRow,
            WalBatch::getRowCount,
            WalBatch::getMinTimestampUs,
            WalBatch::getMaxTimestampUs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                BATCH_A, "team-a", 0L, 2L, 1_000_000_000_000_001L, 1_000_000_000_000_002L),
            org.assertj.core.groups.Tuple.tuple(
                BATCH_B, "team-b", 2L, 1L, 1_000_000_000_000_010L, 1_000_000_000_000_010L),
            org.assertj.core.groups.Tuple.tuple(
                BATCH_C, "team-a", 3L, 3L, 1_000_000_000_000_020L, 1_000_000_000_000_022L));
  }

  @Test
  void readsOneTenantsBatchesOnly() {
    List<WalBatchRows> batches = threeBatches();
    WalSegment segment = WalSegment.of(encoder.encode(HEADER, batches).bytes());

    List<Record> teamA = segment.rows(LOGS.schema(), batch -> batch.getTenant().equals("team-a"));

    List<Record> expected = new ArrayList<>(batches.get(0).rows());
    expected.addAll(batches.get(2).rows());
    assertThat(teamA).containsExactlyElementsOf(expected);
  }

  @Test
  void skipsBatchesAlreadyStored() {
    List<WalBatchRows> batches = threeBatches();
    WalSegment segment = WalSegment.of(encoder.encode(HEADER, batches).bytes());

    List<Record> unstored =
        segment.rows(LOGS.schema(), batch -> !batch.getBatchId().equals(BATCH_A));

    assertThat(unstored)
        .containsExactlyElementsOf(
            List.of(
                batches.get(1).rows().get(0),
                batches.get(2).rows().get(0),
                batches.get(2).rows().get(1),
                batches.get(2).rows().get(2)));
  }

  @Test
  void projectionReadsOnlyTheColumnsAsked() {
    WalSegment segment = WalSegment.of(encoder.encode(HEADER, threeBatches()).bytes());
    Schema bodyOnly = LOGS.schema().select("body");

    assertThat(segment.rows(bodyOnly))
        .extracting(row -> row.getField("body"))
        .containsExactly("a1", "a2", "b1", "c1", "c2", "c3");
  }

  @Test
  void parquetSchemaCarriesIcebergFieldIds() throws Exception {
    byte[] bytes = encoder.encode(HEADER, threeBatches()).bytes();

    try (ParquetFileReader reader = ParquetFileReader.open(new ByteArrayParquetFile(bytes))) {
      MessageType parquet = reader.getFileMetaData().getSchema();
      for (var field : LOGS.schema().columns()) {
        assertThat(parquet.getType(field.name()).getId().intValue())
            .as(field.name())
            .isEqualTo(field.fieldId());
      }
      assertThat(reader.getRowGroups().get(0).getColumns().get(0).getCodec().name())
          .isEqualTo("ZSTD");
    }
  }

  @Test
  void bytesWithoutFooterAreRejected() {
    assertThatThrownBy(() -> WalSegment.of(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot read WAL segment:");
  }

  private static List<WalBatchRows> threeBatches() {
    return List.of(
        new WalBatchRows(BATCH_A, new TenantId("team-a"), List.of(log("a1", 1), log("a2", 2))),
        new WalBatchRows(BATCH_B, new TenantId("team-b"), List.of(log("b1", 10))),
        new WalBatchRows(
            BATCH_C, new TenantId("team-a"), List.of(log("c1", 20), log("c2", 21), log("c3", 22))));
  }

  static Record log(String body, long microsAfterBase) {
    GenericRecord row = GenericRecord.create(LOGS.schema());
    row.setField("tenant_id", body.startsWith("b") ? "team-b" : "team-a");
    row.setField(
        "timestamp",
        OffsetDateTime.of(2001, 9, 9, 1, 46, 40, 0, ZoneOffset.UTC)
            .plusNanos(microsAfterBase * 1000));
    row.setField("timestamp_nanos", 123);
    row.setField("service_name", "checkout");
    row.setField("resource_attributes", Map.of("service.name", "checkout", "host", "h1"));
    row.setField("attributes", Map.of("k", body));
    row.setField("severity_number", 9);
    row.setField("body", body);
    row.setField("trace_id", new byte[16]);
    return row;
  }
}

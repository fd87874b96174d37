package io.icegate.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.proto.v1.Lease;
import io.icegate.proto.v1.NamespaceEntry;
import io.icegate.proto.v1.RootVersion;
import io.icegate.proto.v1.TableEntry;
import io.icegate.proto.v1.ViewEntry;
import io.icegate.proto.v1.WalBatch;
import io.icegate.proto.v1.WalSegmentFooter;
import org.junit.jupiter.api.Test;

class ProtoJsonTest {

  @Test
  void rootVersionRoundTripsThroughCanonicalJson() {
    RootVersion root =
        RootVersion.newBuilder()
            .setVersion(42)
            .setParentVersion(41)
            .setCommitId("c0ffee-1")
            .setTimestampMs(1_764_000_000_000L)
            .addNamespaces(
                NamespaceEntry.newBuilder().addLevels("icegate").putProperties("owner", "ops"))
            .addTables(
                TableEntry.newBuilder()
                    .addNamespace("icegate")
                    .setName("logs")
                    .setUuid("6f1c9a1e-0000-4000-8000-000000000001")
                    .setMetadataLocation("warehouse/icegate/logs-6f1c/metadata/00001.json"))
            .addViews(
                ViewEntry.newBuilder()
                    .addNamespace("icegate")
                    .setName("recent")
                    .setUuid("u2")
                    .setMetadataLocation("m2"))
            .addChanged("icegate.logs")
            .build();

    String json = ProtoJson.toJson(root);

    assertThat(json)
        .contains("\"version\":\"42\"")
        .contains("\"commitId\":\"c0ffee-1\"")
        .contains("\"metadataLocation\":\"warehouse/icegate/logs-6f1c/metadata/00001.json\"");
    assertThat(ProtoJson.parse(json, RootVersion.getDefaultInstance())).isEqualTo(root);
  }

  @Test
  void leaseRoundTripsThroughCanonicalJson() {
    Lease lease =
        Lease.newBuilder()
            .setName("shifter-logs")
            .setTerm(7)
            .setHolder("ingest-0/1234/ab12")
            .setDurationMs(30_000)
            .setAcquiredAtMs(1_764_000_000_123L)
            .build();

    byte[] json = ProtoJson.toJsonBytes(lease);

    assertThat(ProtoJson.parse(json, Lease.getDefaultInstance())).isEqualTo(lease);
  }

  @Test
  void walFooterRoundTripsThroughCanonicalJson() {
    WalSegmentFooter footer =
        WalSegmentFooter.newBuilder()
            .setWriterToken("tok-1")
            .setSignal("logs")
            .setLane("ingest-0-0")
            .setSeq(12)
            .setCreatedAtMs(1_764_000_000_000L)
            .addBatches(
                WalBatch.newBuilder()
                    .setBatchId("0123456789abcdef0123456789abcdef")
                    .setTenant("team-a")
                    .setFirstRow(0)
                    .setRowCount(100)
                    .setMinTimestampUs(-5)
                    .setMaxTimestampUs(Long.MAX_VALUE))
            .addBatches(
                WalBatch.newBuilder()
                    .setBatchId("fedcba9876543210fedcba9876543210")
                    .setTenant("team-b")
                    .setFirstRow(100)
                    .setRowCount(1))
            .build();

    String json = ProtoJson.toJson(footer);

    assertThat(ProtoJson.parse(json, WalSegmentFooter.getDefaultInstance())).isEqualTo(footer);
  }

  @Test
  void readerIgnoresFieldsAddedByNewerWriters() {
    String json = "{\"name\":\"l\",\"term\":\"3\",\"addedLater\":{\"x\":1}}";

    Lease lease = ProtoJson.parse(json, Lease.getDefaultInstance());

    assertThat(lease.getName()).isEqualTo("l");
    assertThat(lease.getTerm()).isEqualTo(3);
  }

  @Test
  void malformedJsonIsRejectedWithTheMessageType() {
    assertThatThrownBy(
            () -> ProtoJson.parse("{\"term\":\"not a number\"}", Lease.getDefaultInstance()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot parse icegate.v1.Lease:");
  }
}

package io.icegate.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.store.S3ProxyExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.BaseTransaction;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spark 3.5 with Iceberg's Spark runtime and S3FileIO works on IceGate's lake through
 * catalog-service, on S3Proxy: Spark learns the S3 endpoint, path-style access and region from the
 * catalog's table config (it is given only credentials), and IceGate's embedded catalog, running as
 * its own process, reads and writes the same tables.
 */
class SparkInteropTest {
  @RegisterExtension static S3ProxyExtension S3 = new S3ProxyExtension();

  private static IceGateProcesses icegate;
  private static URI catalogUri;
  private static SparkSession spark;

  @BeforeAll
  static void start() throws Exception {
    icegate =
        new IceGateProcesses(
            S3.bucket(), "lake-" + UUID.randomUUID() + "/", S3.endpoint().toString());
    catalogUri = icegate.startCatalog();
    spark = Sparks.session(catalogUri);
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    if (icegate != null) {
      icegate.close();
    }
  }

  private static List<String> rows(String sql) {
    return spark.sql(sql).collectAsList().stream()
        .map(row -> row.get(0) + "|" + row.get(1))
        .toList();
  }

  private static long count(String table) {
    Row row = spark.sql("SELECT count(*) FROM " + table).first();
    return row.getLong(0);
  }

  @Test
  void sparkCreatesInsertsUpdatesAndReadsAndIceGateReadsTheSame() throws Exception {
    spark.sql("CREATE NAMESPACE IF NOT EXISTS icegate.spark_made");
    spark.sql("CREATE TABLE icegate.spark_made.people (id bigint, name string) USING iceberg");
    spark.sql("INSERT INTO icegate.spark_made.people VALUES (1, 'ada'), (2, 'bob'), (3, 'cy')");
    spark.sql("UPDATE icegate.spark_made.people SET name = 'BOB' WHERE id = 2");
    spark.sql("DELETE FROM icegate.spark_made.people WHERE id = 3");
    spark.sql("INSERT INTO icegate.spark_made.people VALUES (4, 'dee')");

    List<String> expected = List.of("1|ada", "2|BOB", "4|dee");
    assertThat(rows("SELECT id, name FROM icegate.spark_made.people ORDER BY id"))
        .containsExactlyElementsOf(expected);
    assertThat(count("icegate.spark_made.people.snapshots")).isEqualTo(4);
    assertThat(
            spark
                .sql("SELECT file_path FROM icegate.spark_made.people.files")
                .collectAsList()
                .stream()
                .map(row -> row.getString(0)))
        .allSatisfy(path -> assertThat(path).startsWith("s3://" + S3.bucket() + "/lake-"));

    assertThat(icegate.tool("read", "spark_made", "people")).containsExactlyElementsOf(expected);
  }

  @Test
  void sparkReadsATableIceGateCreated() throws Exception {
    icegate.tool("write", "icegate_made", "events", "10=start", "11=stop", "12=pause");

    assertThat(rows("SELECT id, name FROM icegate.icegate_made.events ORDER BY id"))
        .containsExactly("10|start", "11|stop", "12|pause");
    spark.sql("INSERT INTO icegate.icegate_made.events VALUES (13, 'resume')");
    assertThat(icegate.tool("read", "icegate_made", "events"))
        .containsExactly("10|start", "11|stop", "12|pause", "13|resume");
  }

  @Test
  void multiTableTransactionIsSeenWhollyOrNotAtAll() throws Exception {
    spark.sql("CREATE NAMESPACE IF NOT EXISTS icegate.tx");
    for (String name : List.of("a", "b", "stage")) {
      spark.sql("CREATE TABLE icegate.tx." + name + " (id bigint, name string) USING iceberg");
    }
    spark.sql("INSERT INTO icegate.tx.stage VALUES (1, 'x'), (2, 'y')");

    try (RESTCatalog client = new RESTCatalog()) {
      client.initialize(
          "client",
          Map.of(
              CatalogProperties.URI,
              catalogUri.toString(),
              "s3.access-key-id",
              "access",
              "s3.secret-access-key",
              "secret"));
      Table stage = client.loadTable(TableIdentifier.of("tx", "stage"));
      List<DataFile> files = new ArrayList<>();
      try (CloseableIterable<FileScanTask> tasks = stage.newScan().planFiles()) {
        tasks.forEach(task -> files.add(task.file()));
      }
      assertThat(files).isNotEmpty();

      TableIdentifier idA = TableIdentifier.of("tx", "a");
      TableIdentifier idB = TableIdentifier.of("tx", "b");
      Table a = client.loadTable(idA);
      Table b = client.loadTable(idB);
      TableCommit staleA = appendCommit(idA, a, files);
      client.commitTransaction(appendCommit(idA, a, files), appendCommit(idB, b, files));

      assertThat(count("icegate.tx.a")).isEqualTo(2);
      assertThat(count("icegate.tx.b")).isEqualTo(2);

      // A transaction with one outdated table fails as a whole: b does not change either.
      b.refresh();
      TableCommit freshB = appendCommit(idB, b, files);
      assertThatThrownBy(() -> client.commitTransaction(staleA, freshB))
          .isInstanceOf(CommitFailedException.class);
      assertThat(count("icegate.tx.a")).isEqualTo(2);
      assertThat(count("icegate.tx.b")).isEqualTo(2);
      assertThat(count("icegate.tx.b.snapshots")).isEqualTo(1);
    }
  }

  /** A commit appending {@code files} to {@code table}, based on its current metadata. */
  private static TableCommit appendCommit(
      TableIdentifier identifier, Table table, List<DataFile> files) {
    Transaction transaction = table.newTransaction();
    AppendFiles append = transaction.newFastAppend();
    files.forEach(append::appendFile);
    append.commit();
    return TableCommit.create(
        identifier,
        ((HasTableOperations) table).operations().current(),
        ((BaseTransaction) transaction).currentMetadata());
  }
}

package io.icegate.interop;

import java.net.URI;
import org.apache.spark.sql.SparkSession;

/** The Spark session of the checks: local[1] on loopback, IceGate's REST catalog as "icegate". */
final class Sparks {
  private Sparks() {}

  /**
   * A session whose catalog {@code icegate} is catalog-service at {@code catalogUri}. It is given
   * only S3 credentials: endpoint, path-style access and region come from the table config.
   */
  static SparkSession session(URI catalogUri) {
    return SparkSession.builder()
        .master("local[1]")
        .appName("icegate-interop")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.sql.session.timeZone", "UTC")
        .config(
            "spark.sql.extensions",
            "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
        .config("spark.sql.catalog.icegate", "org.apache.iceberg.spark.SparkCatalog")
        .config("spark.sql.catalog.icegate.type", "rest")
        .config("spark.sql.catalog.icegate.uri", catalogUri.toString())
        // Every query loads the tables anew, so it sees commits made outside this session.
        .config("spark.sql.catalog.icegate.cache-enabled", "false")
        .config("spark.sql.catalog.icegate.s3.access-key-id", "access")
        .config("spark.sql.catalog.icegate.s3.secret-access-key", "secret")
        .getOrCreate();
  }
}

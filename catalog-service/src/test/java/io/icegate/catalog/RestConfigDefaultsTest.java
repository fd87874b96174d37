package io.icegate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.rest.responses.ConfigResponse;
import org.apache.iceberg.rest.responses.ConfigResponseParser;
import org.apache.iceberg.rest.responses.LoadTableResponseParser;
import org.apache.iceberg.rest.responses.LoadViewResponseParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-side {@code table-default.*}, {@code table-override.*}, {@code view-default.*} and {@code
 * view-override.*}: announced by {@code /v1/config} (defaults under "defaults", overrides under
 * "overrides", as Iceberg's REST spec describes) and applied by the server to tables and views a
 * client creates without knowing them (plain HTTP here, no Iceberg client merging them in).
 */
class RestConfigDefaultsTest {
  @TempDir static Path root;

  private static RestHttp http;

  @BeforeAll
  static void start() {
    http =
        new RestHttp(
            Map.of(
                "icegate.storage.type", "local",
                "icegate.storage.root", root.toString(),
                "icegate.rest.table-default.write.format.default", "parquet",
                "icegate.rest.table-default.owner", "lake-team",
                "icegate.rest.table-override.write.parquet.compression-codec", "zstd",
                "icegate.rest.view-default.comment", "made by IceGate",
                "icegate.rest.view-override.owner", "views-team"));
    assertThat(http.post("/v1/icegate/namespaces", "{\"namespace\":[\"ns\"]}").statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Test
  void configAnnouncesDefaultsAndOverrides() {
    HttpResponse<String> response = http.get("/v1/config");
    assertThat(response.statusCode()).isEqualTo(200);
    ConfigResponse config = ConfigResponseParser.fromJson(response.body());
    assertThat(config.defaults())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "table-default.write.format.default", "parquet",
                "table-default.owner", "lake-team",
                "view-default.comment", "made by IceGate"));
    assertThat(config.overrides())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "table-override.write.parquet.compression-codec", "zstd",
                "view-override.owner", "views-team",
                "prefix", "icegate"));
  }

  @Test
  void serverAppliesTableDefaultsUnlessSetAndOverridesAlways() {
    HttpResponse<String> created =
        http.post(
            "/v1/icegate/namespaces/ns/tables",
            "{\"name\":\"t\",\"schema\":"
                + RestHttp.TABLE_SCHEMA
                + ",\"properties\":{\"owner\":\"me\","
                + "\"write.parquet.compression-codec\":\"gzip\"}}");
    assertThat(created.statusCode()).isEqualTo(200);
    Map<String, String> properties =
        LoadTableResponseParser.fromJson(created.body()).tableMetadata().properties();
    assertThat(properties)
        .containsEntry("owner", "me")
        .containsEntry("write.format.default", "parquet")
        .containsEntry("write.parquet.compression-codec", "zstd");
  }

  @Test
  void serverAppliesViewDefaultsUnlessSetAndOverridesAlways() {
    String view =
        "{\"name\":\"v\",\"schema\":"
            + RestHttp.TABLE_SCHEMA
            + ",\"view-version\":{\"version-id\":1,\"timestamp-ms\":1700000000000,"
            + "\"schema-id\":0,\"summary\":{},\"default-namespace\":[\"ns\"],"
            + "\"representations\":[{\"type\":\"sql\",\"sql\":\"select 1 as x\","
            + "\"dialect\":\"spark\"}]},"
            + "\"properties\":{\"owner\":\"me\"}}";
    HttpResponse<String> created = http.post("/v1/icegate/namespaces/ns/views", view);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    Map<String, String> properties =
        LoadViewResponseParser.fromJson(created.body()).metadata().properties();
    assertThat(properties)
        .containsEntry("comment", "made by IceGate")
        .containsEntry("owner", "views-team");
  }
}

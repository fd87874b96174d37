package io.icegate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.store.S3ProxyExtension;
import io.icegate.lake.store.StorageSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.rest.responses.LoadTableResponse;
import org.apache.iceberg.rest.responses.LoadTableResponseParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table loads and creates tell a reader how to reach the store: endpoint, path-style access and
 * region for S3, never credentials; nothing for a local store.
 */
class RestStoragePropertiesTest {
  @RegisterExtension static S3ProxyExtension S3 = new S3ProxyExtension();

  @TempDir Path root;

  private static Map<String, String> createAndLoad(RestHttp http, String ns) {
    assertThat(http.post("/v1/icegate/namespaces", "{\"namespace\":[\"" + ns + "\"]}").statusCode())
        .isEqualTo(200);
    HttpResponse<String> created =
        http.post(
            "/v1/icegate/namespaces/" + ns + "/tables",
            "{\"name\":\"t\",\"schema\":" + RestHttp.TABLE_SCHEMA + "}");
    assertThat(created.statusCode()).isEqualTo(200);
    LoadTableResponse create = LoadTableResponseParser.fromJson(created.body());
    HttpResponse<String> loaded = http.get("/v1/icegate/namespaces/" + ns + "/tables/t");
    assertThat(loaded.statusCode()).isEqualTo(200);
    LoadTableResponse load = LoadTableResponseParser.fromJson(loaded.body());
    assertThat(load.config()).isEqualTo(create.config());
    assertThat(load.tableMetadata().location()).startsWith(http.rootLocation());
    return load.config();
  }

  @Test
  void s3TablesCarryEndpointPathStyleAndRegion() {
    StorageSettings settings = S3.settings();
    try (RestHttp http =
        new RestHttp(
            Map.of(
                "icegate.storage.type",
                "s3",
                "icegate.storage.bucket",
                S3.bucket(),
                "icegate.storage.prefix",
                settings.prefix(),
                "icegate.storage.endpoint",
                S3.endpoint().toString(),
                "icegate.storage.path-style",
                true,
                "icegate.storage.region",
                "eu-west-3",
                "icegate.storage.access-key",
                "access",
                "icegate.storage.secret-key",
                "secret"),
            settings.rootLocation())) {
      assertThat(createAndLoad(http, "s3ns"))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "s3.endpoint", S3.endpoint().toString(),
                  "s3.path-style-access", "true",
                  "client.region", "eu-west-3"));
    }
  }

  @Test
  void localTablesCarryNothingExtra() {
    try (RestHttp http =
        new RestHttp(
            Map.of("icegate.storage.type", "local", "icegate.storage.root", root.toString()),
            StorageSettings.local(root).rootLocation())) {
      assertThat(createAndLoad(http, "localns")).isEmpty();
    }
  }
}

package io.icegate.rules.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.runtime.IceGateService;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tenant never reads or changes another's rules; tokens limit who may touch which tenant. */
class RulerTenancyTest {
  private static final String GROUP =
      "name: g\nrules:\n  - alert: A\n    expr: count_over_time({job=\"x\"}[1m]) > 0\n";

  @TempDir static Path root;
  static RulesServer open;
  static RulesServer guarded;

  @BeforeAll
  static void start() {
    open = RulesServer.start(IceGateService.ALERT, root, Map.of());
    guarded =
        RulesServer.start(
            IceGateService.QUERY,
            root,
            Map.of("icegate.auth.tokens.secret-a", "team-a", "icegate.auth.tokens.admin", "*"));
  }

  @AfterAll
  static void stop() {
    guarded.close();
    open.close();
  }

  @Test
  void tenantsAreIsolated() {
    assertThat(open.post("/api/prom/rules/ns", GROUP, "X-Scope-OrgID", "team-a").statusCode())
        .isEqualTo(202);

    assertThat(open.get("/api/prom/rules/ns/g", "X-Scope-OrgID", "team-b").statusCode())
        .isEqualTo(404);
    assertThat(open.get("/api/prom/rules", "X-Scope-OrgID", "team-b").body().trim())
        .isEqualTo("{}");
    assertThat(open.get("/prometheus/api/v1/rules", "X-Scope-OrgID", "team-b").body())
        .contains("\"groups\":[]");
    assertThat(open.delete("/api/prom/rules/ns/g", "X-Scope-OrgID", "team-b").statusCode())
        .isEqualTo(404);
    // Without a header the tenant is "default", which has nothing either.
    assertThat(open.get("/api/prom/rules/ns/g").statusCode()).isEqualTo(404);
    assertThat(open.get("/api/prom/rules/ns/g", "X-Scope-OrgID", "team-a").statusCode())
        .isEqualTo(200);
  }

  @Test
  void malformedTenantIdsAreRefused() {
    HttpResponse<String> bad = open.get("/api/prom/rules", "X-Scope-OrgID", "../etc");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Invalid tenant id");
    HttpResponse<String> listing = open.get("/api/v1/rules", "X-Scope-OrgID", "a b");
    assertThat(listing.statusCode()).isEqualTo(400);
    assertThat(listing.body()).contains("\"status\":\"error\"");
  }

  @Test
  void tokensLimitTenants() {
    HttpResponse<String> noToken = guarded.get("/api/prom/rules", "X-Scope-OrgID", "team-a");
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(noToken.body()).contains("bearer token is required");

    HttpResponse<String> forbidden =
        guarded.post(
            "/api/prom/rules/ns",
            GROUP,
            "X-Scope-OrgID",
            "team-b",
            "Authorization",
            "Bearer secret-a");
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body()).contains("may not manage rules of tenant 'team-b'");

    // A token for one tenant names it; no header needed.
    HttpResponse<String> own =
        guarded.post("/api/prom/rules/mine", GROUP, "Authorization", "Bearer secret-a");
    assertThat(own.statusCode()).isEqualTo(202);
    assertThat(
            guarded
                .get(
                    "/api/prom/rules/mine/g",
                    "X-Scope-OrgID",
                    "team-a",
                    "Authorization",
                    "Bearer admin")
                .statusCode())
        .isEqualTo(200);
  }
}

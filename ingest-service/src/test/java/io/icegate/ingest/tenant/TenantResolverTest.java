package io.icegate.ingest.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.tenant.AuthConfiguration;
import io.icegate.lake.tenant.TenancyConfiguration;
import io.icegate.lake.tenant.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantResolverTest {
  private static final Map<String, List<String>> TOKENS =
      Map.of("t-a", List.of("team-a"), "t-ops", List.of("team-a", "team-b"), "t-all", List.of("*"));

  @Test
  void defaultTenantWhenNotEnforced() {
    TenantResolver resolver = resolver(false, Map.of());

    assertThat(resolver.resolve(Optional.empty(), Optional.empty())).isEqualTo(TenantId.DEFAULT);
    assertThat(resolver.resolve(Optional.of("team-a"), Optional.empty()))
        .isEqualTo(new TenantId("team-a"));
  }

  @Test
  void missingTenantWhenEnforcedIsUnauthenticated() {
    assertRejected(
        () -> resolver(true, Map.of()).resolve(Optional.empty(), Optional.empty()),
        TenantRejectedException.Problem.UNAUTHENTICATED,
        "Cannot accept write: no tenant (send the X-Scope-OrgID header)");
  }

  @Test
  void hostileTenantIdsAreInvalid() {
    TenantResolver resolver = resolver(false, Map.of());
    for (String hostile : List.of("../x", "a".repeat(65), "", "a/b", "x\u0000", "team a")) {
      assertRejected(
          () -> resolver.resolve(Optional.of(hostile), Optional.empty()),
          TenantRejectedException.Problem.INVALID,
          "Cannot accept write: X-Scope-OrgID: Invalid tenant id");
    }
  }

  @Test
  void tokensDecideWhichTenantsMayBeWritten() {
    TenantResolver resolver = resolver(false, TOKENS);

    assertThat(resolver.resolve(Optional.empty(), Optional.of("Bearer t-a")))
        .isEqualTo(new TenantId("team-a"));
    assertThat(resolver.resolve(Optional.of("team-b"), Optional.of("bearer t-ops")))
        .isEqualTo(new TenantId("team-b"));
    assertThat(resolver.resolve(Optional.of("anyone"), Optional.of("Bearer t-all")))
        .isEqualTo(new TenantId("anyone"));
    // A token for several tenants names none: the default tenant, which it may not write.
    assertRejected(
        () -> resolver.resolve(Optional.empty(), Optional.of("Bearer t-ops")),
        TenantRejectedException.Problem.FORBIDDEN,
        "Cannot accept write: the token may not write tenant 'default'");
    assertRejected(
        () -> resolver.resolve(Optional.of("team-b"), Optional.of("Bearer t-a")),
        TenantRejectedException.Problem.FORBIDDEN,
        "Cannot accept write: the token may not write tenant 'team-b'");
  }

  @Test
  void missingOrUnknownTokensAreUnauthenticated() {
    TenantResolver resolver = resolver(false, TOKENS);

    assertRejected(
        () -> resolver.resolve(Optional.of("team-a"), Optional.empty()),
        TenantRejectedException.Problem.UNAUTHENTICATED,
        "Cannot accept write: a bearer token is required (Authorization: Bearer <token>)");
    assertRejected(
        () -> resolver.resolve(Optional.of("team-a"), Optional.of("Basic dTpw")),
        TenantRejectedException.Problem.UNAUTHENTICATED,
        "Cannot accept write: a bearer token is required (Authorization: Bearer <token>)");
    assertRejected(
        () -> resolver.resolve(Optional.of("team-a"), Optional.of("Bearer t-b")),
        TenantRejectedException.Problem.UNAUTHENTICATED,
        "Cannot accept write: unknown bearer token");
  }

  private static TenantResolver resolver(boolean enforced, Map<String, List<String>> tokens) {
    return new TenantResolver(new TenancyConfiguration(enforced), new AuthConfiguration(tokens));
  }

  private static void assertRejected(
      Runnable call, TenantRejectedException.Problem problem, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            TenantRejectedException.class, e -> assertThat(e.problem()).isEqualTo(problem))
        .hasMessageStartingWith(message);
  }
}

package io.icegate.lake.tenant;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The {@code icegate.tenancy.*} keys, read by ingest and query alike.
 *
 * @param enforced when true every request must name its tenant ({@code X-Scope-OrgID} header, gRPC
 *     metadata {@code x-scope-orgid}); when false (the default) one without goes to {@code default}
 */
@ConfigurationProperties("icegate.tenancy")
public record TenancyConfiguration(@Nullable Boolean enforced) {
  public TenancyConfiguration {
    enforced = enforced != null && enforced;
  }

  public static TenancyConfiguration defaults() {
    return new TenancyConfiguration(null);
  }
}

package io.icegate.ingest.tenant;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The {@code icegate.tenancy.*} keys.
 *
 * @param enforced when true every write must name its tenant ({@code X-Scope-OrgID} header, gRPC
 *     metadata {@code x-scope-orgid}); when false a write without one goes to {@code default}
 */
@ConfigurationProperties("icegate.tenancy")
public record TenancyConfiguration(@Bindable(defaultValue = "false") boolean enforced) {}

/**
 * The ingest service. Every bean in this package and below exists only in the context started for
 * this service (see {@link io.icegate.lake.runtime.ServiceRuntime}), so the standalone JVM can run
 * all five services side by side without one serving another's routes.
 */
@Configuration
@Requires(property = IceGateService.PROPERTY, value = "ingest")
package io.icegate.ingest;

import io.icegate.lake.runtime.IceGateService;
import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;

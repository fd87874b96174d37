/**
 * The query service. Every bean in this package and below exists only in the context started for
 * this service (see {@link io.icegate.lake.runtime.ServiceRuntime}), so the standalone JVM can run
 * all five services side by side without one serving another's routes. That includes the beans of
 * module query-engine, whose packages sit below this one: Micronaut checks a package's requirement
 * by name at run time, whichever jar a bean comes from.
 */
@Configuration
@Requires(property = IceGateService.PROPERTY, value = "query")
package io.icegate.query;

import io.icegate.lake.runtime.IceGateService;
import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;

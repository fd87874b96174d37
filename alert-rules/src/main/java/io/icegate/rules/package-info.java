/**
 * Alert and recording rules as a library both the query service (port 3100, where Grafana sends
 * ruler calls to the data source's URL) and the alert service (port 8084) serve. Its beans exist
 * only in those two contexts: the standalone JVM runs all five services side by side and no other
 * port may answer ruler calls.
 */
@Configuration
@Requires(property = IceGateService.PROPERTY, pattern = "query|alert")
package io.icegate.rules;

import io.icegate.lake.runtime.IceGateService;
import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;

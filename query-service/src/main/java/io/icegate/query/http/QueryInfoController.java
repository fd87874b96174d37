package io.icegate.query.http;

import io.icegate.lake.runtime.ServiceInfo;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code GET /info}: which IceGate service answers on this port. */
@Controller("/info")
final class QueryInfoController {
  @Get
  ServiceInfo info() {
    return ServiceInfo.of("query");
  }
}

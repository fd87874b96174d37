package io.icegate.query.http;

import io.icegate.lake.tenant.TenantId;
import io.icegate.query.tenant.QueryTenantResolver;
import io.icegate.query.tenant.TenantDeniedException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

/** The tenant of an HTTP request to any query API, from {@code X-Scope-OrgID} and the token. */
public final class RequestTenant {
  private RequestTenant() {}

  /**
   * The tenant the request may query.
   *
   * @throws TenantDeniedException 400 for several headers or a malformed id, 401/403 for tokens
   */
  public static TenantId of(QueryTenantResolver tenants, HttpRequest<?> request) {
    if (request.getHeaders().getAll(QueryTenantResolver.HEADER).size() > 1) {
      throw new TenantDeniedException(
          400, "Cannot run query: send one " + QueryTenantResolver.HEADER + " header, not several");
    }
    return tenants.resolve(
        request.getHeaders().findFirst(QueryTenantResolver.HEADER),
        request.getHeaders().findFirst(HttpHeaders.AUTHORIZATION));
  }
}

package io.icegate.rules.http;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.rules.model.InvalidRuleException;
import io.icegate.rules.model.RuleCodec;
import io.icegate.rules.model.RuleGroup;
import io.icegate.rules.model.RuleLanguage;
import io.icegate.rules.model.RuleNames;
import io.icegate.rules.store.NoSuchRuleGroupException;
import io.icegate.rules.store.RuleStore;
import io.icegate.rules.store.StoredRuleGroup;
import io.icegate.rules.validate.RuleValidator;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ruler config API of Loki, Mimir and Cortex (rule definitions in YAML), as Grafana, lokitool
 * and mimirtool call it: list, get, create or replace one group per POST (with or without a
 * Content-Type), delete a group or a namespace. Names arrive percent-encoded in the raw path and
 * are decoded one segment at a time.
 */
@Singleton
public final class RulerApi {
  /** Loki's answer to a change: Grafana requires a JSON 2xx. */
  static final byte[] ACCEPTED =
      "{\"status\":\"success\",\"data\":null,\"errorType\":\"\",\"error\":\"\"}"
          .getBytes(StandardCharsets.UTF_8);

  private final RuleStore store;
  private final RuleValidator validator;

  public RulerApi(RuleStore store, RuleValidator validator) {
    this.store = requireNonNull(store, "store is null");
    this.validator = requireNonNull(validator, "validator is null");
  }

  /** {@code GET <prefix>[/<ns>[/<group>]]}. */
  public HttpResponse<byte[]> get(TenantId tenant, RulerFace.Route route) {
    List<String> names = names(route);
    RuleLanguage language = route.face().language();
    if (names.isEmpty()) {
      // Loki answers 404 here when there are none; Grafana and the tools take {} just as well.
      return yaml(byNamespace(store.list(tenant, language)));
    }
    if (names.size() == 1) {
      List<StoredRuleGroup> groups = store.list(tenant, language, names.get(0));
      if (groups.isEmpty()) {
        throw new NoSuchRuleGroupException(NoSuchRuleGroupException.NAMESPACE);
      }
      return yaml(byNamespace(groups));
    }
    return store
        .get(tenant, language, names.get(0), names.get(1))
        .map(group -> yaml(group.group()))
        .orElseThrow(() -> new NoSuchRuleGroupException(NoSuchRuleGroupException.GROUP));
  }

  /** {@code POST <prefix>/<ns>} with one group in YAML (JSON is YAML too). */
  public HttpResponse<byte[]> post(TenantId tenant, RulerFace.Route route, byte[] body) {
    List<String> names = names(route);
    if (names.size() != 1) {
      throw new InvalidRuleException(
          "Cannot accept rules: POST one rule group to " + route.prefix() + "/{namespace}");
    }
    checkSize(validator, body);
    RuleGroup group = RuleCodec.parseGroup(body, RuleCodec.Syntax.YAML);
    validator.validate(route.face().language(), group);
    store.put(tenant, route.face().language(), names.get(0), group, source(route));
    return RulesHttp.body(HttpStatus.ACCEPTED, MediaType.APPLICATION_JSON_TYPE, ACCEPTED);
  }

  /** {@code DELETE <prefix>/<ns>[/<group>]}. */
  public HttpResponse<byte[]> delete(TenantId tenant, RulerFace.Route route) {
    List<String> names = names(route);
    RuleLanguage language = route.face().language();
    if (names.size() == 1) {
      store.deleteNamespace(tenant, language, names.get(0), source(route));
    } else if (names.size() == 2) {
      store.delete(tenant, language, names.get(0), names.get(1), source(route));
    } else {
      throw new InvalidRuleException(
          "Cannot delete rules: DELETE "
              + route.prefix()
              + "/{namespace} or "
              + route.prefix()
              + "/{namespace}/{group}");
    }
    return RulesHttp.body(HttpStatus.ACCEPTED, MediaType.APPLICATION_JSON_TYPE, ACCEPTED);
  }

  /**
   * Refuses a body above {@code icegate.rules.max-file-bytes} before parsing it.
   *
   * @throws InvalidRuleException naming the size and the limit
   */
  public static void checkSize(RuleValidator validator, byte[] body) {
    int limit = validator.config().maxFileBytes();
    if (body != null && body.length > limit) {
      throw new InvalidRuleException(
          "Cannot accept rules: the body is "
              + body.length
              + " bytes, more than the limit of "
              + limit
              + " (icegate.rules.max-file-bytes)");
    }
  }

  /** The decoded names of the path: none, a namespace, or a namespace and a group. */
  static List<String> names(RulerFace.Route route) {
    String rest = route.rest();
    if (rest.isEmpty() || rest.equals("/")) {
      return List.of();
    }
    String[] segments = rest.substring(1).split("/", -1);
    if (segments.length > 2) {
      throw new InvalidRuleException(
          "Cannot accept rules: path '"
              + RuleNames.printable(route.prefix() + rest)
              + "' has more than a namespace and a group (send '/' in a name as %2F; names"
              + " may not contain it)");
    }
    List<String> names = new ArrayList<>();
    names.add(RuleNames.fromPathSegment("namespace", segments[0]));
    if (segments.length == 2) {
      names.add(RuleNames.fromPathSegment("group", segments[1]));
    }
    return names;
  }

  private static String source(RulerFace.Route route) {
    return route.face() == RulerFace.LOKI ? "loki-ruler" : "prometheus-ruler";
  }

  private static Map<String, List<RuleGroup>> byNamespace(List<StoredRuleGroup> groups) {
    Map<String, List<RuleGroup>> map = new LinkedHashMap<>();
    for (StoredRuleGroup group : groups) {
      map.computeIfAbsent(group.namespace(), ns -> new ArrayList<>()).add(group.group());
    }
    return map;
  }

  private static HttpResponse<byte[]> yaml(Object value) {
    return RulesHttp.body(HttpStatus.OK, RulesHttp.YAML, RuleCodec.yaml(value));
  }
}

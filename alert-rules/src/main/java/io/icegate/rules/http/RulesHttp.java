package io.icegate.rules.http;

import io.icegate.lake.error.ErrorKind;
import io.icegate.lake.store.UnknownOutcomeException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place rule API failures become HTTP statuses: bad rules 400, unknown groups 404, a lost
 * commit race 409, storage trouble 503, tenant refusals 400/401/403. Messages are one line; a stack
 * trace reaches only the log.
 */
public final class RulesHttp {
  private static final Logger LOG = LoggerFactory.getLogger(RulesHttp.class);
  public static final MediaType YAML = MediaType.of("application/yaml");

  private RulesHttp() {}

  /** The status for a failure of a rule API call: its {@link ErrorKind}'s. */
  public static HttpStatus status(RuntimeException failure) {
    return HttpStatus.valueOf(ErrorKind.of(failure).status());
  }

  /** The one-line message a client sees for a failure. */
  public static String message(RuntimeException failure) {
    HttpStatus status = status(failure);
    if (failure instanceof UnknownOutcomeException) {
      return "Cannot store rule group: the storage did not confirm the write; read the group back"
          + " before sending it again";
    }
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      LOG.warn("Rule storage failed", failure);
      return "Cannot serve rules: storage unavailable (" + failure.getMessage() + ")";
    }
    if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
      LOG.error("Rule API call failed", failure);
      return "Cannot serve rules: internal error (" + failure.getClass().getSimpleName() + ")";
    }
    return failure.getMessage();
  }

  /** A plain-text error, as Loki's and Mimir's rulers answer (Grafana shows the body as is). */
  public static HttpResponse<byte[]> text(RuntimeException failure) {
    return HttpResponse.<byte[]>status(status(failure))
        .contentType(MediaType.TEXT_PLAIN_TYPE)
        .body((message(failure) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  public static HttpResponse<byte[]> body(HttpStatus status, MediaType type, byte[] body) {
    return HttpResponse.<byte[]>status(status).contentType(type).body(body);
  }
}

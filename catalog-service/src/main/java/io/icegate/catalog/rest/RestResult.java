package io.icegate.catalog.rest;

/**
 * What one REST catalog call answers: an HTTP status and a JSON body ({@code null} for no body).
 *
 * @param status the HTTP status code
 * @param body the serialized JSON body, or {@code null}
 */
public record RestResult(int status, byte[] body) {
  static RestResult noContent() {
    return new RestResult(204, null);
  }
}

package io.icegate.query.logql.template;

/**
 * A template that does not parse or fails while executing. Messages follow Go's {@code
 * text/template}: {@code template: line:1:5: executing "line" at <.a>: …}.
 */
public class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}

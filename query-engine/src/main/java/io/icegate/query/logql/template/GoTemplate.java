package io.icegate.query.logql.template;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed Go {@code text/template} with Loki's function set: fields of dot ({@code {{.name}}}),
 * pipelines, {@code if}/{@code else if}/{@code else}, {@code with}, {@code range} (with {@code
 * break}/{@code continue}), variables, comparison and logic builtins, {@code printf}, {@code len},
 * {@code index} and Loki's template functions (docs/loki.md lists them and what is left out).
 * Parsed once per query; {@link #execute} is thread-safe.
 */
public final class GoTemplate {
  private static final Map<String, TemplateFunction> FUNCTIONS = functions();

  private final String name;
  private final String text;
  private final Node.ListNode root;

  private GoTemplate(String name, String text, Node.ListNode root) {
    this.name = name;
    this.text = text;
    this.root = root;
  }

  /**
   * Parses a template.
   *
   * @param name the template's name in error messages (Loki: {@code line}, {@code label})
   * @throws TemplateException when the template does not parse
   */
  public static GoTemplate parse(String name, String text) {
    requireNonNull(name, "name is null");
    requireNonNull(text, "text is null");
    Node.ListNode root = new Parser(name, text, FUNCTIONS::containsKey).parse();
    return new GoTemplate(name, text, root);
  }

  public String text() {
    return text;
  }

  /**
   * Runs the template.
   *
   * @throws TemplateException when execution fails (Loki then sets {@code TemplateFormatErr})
   */
  public String execute(TemplateContext context) {
    StringBuilder out = new StringBuilder();
    new Executor(name, text, FUNCTIONS, context, out).run(root);
    return out.toString();
  }

  /** The names of every function a template may call. */
  public static java.util.Set<String> functionNames() {
    return FUNCTIONS.keySet();
  }

  private static Map<String, TemplateFunction> functions() {
    Map<String, TemplateFunction> f = new HashMap<>();
    Builtins.register(f);
    StringFunctions.register(f);
    MathFunctions.register(f);
    TimeFunctions.register(f);
    return Collections.unmodifiableMap(f);
  }
}

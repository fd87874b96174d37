package io.icegate.query.logql.template;

/**
 * A function callable from a template. Arguments arrive evaluated (the piped value last); a
 * function throws {@link TemplateException} (or any runtime exception) to fail the execution.
 */
@FunctionalInterface
public interface TemplateFunction {
  Object call(Object[] args, TemplateContext context);
}

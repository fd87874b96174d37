package io.icegate.query.promql.ast;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PromQL function's signature, as Prometheus declares it ({@code promql/parser/functions.go}):
 * argument types, how many trailing arguments are optional ({@code variadic} > 0) or repeatable
 * ({@code variadic} < 0), and the result type.
 */
public record FunctionSpec(
    String name,
    List<ValueType> argTypes,
    int variadic,
    ValueType returnType,
    boolean experimental) {

  private static final Map<String, FunctionSpec> FUNCTIONS = new HashMap<>();

  static {
    f("abs", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("absent", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("absent_over_time", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("acos", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("acosh", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("asin", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("asinh", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("atan", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("atanh", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("avg_over_time", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("ceil", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("changes", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("clamp", ValueType.VECTOR, 0, false, ValueType.VECTOR, ValueType.SCALAR, ValueType.SCALAR);
    f("clamp_max", ValueType.VECTOR, 0, false, ValueType.VECTOR, ValueType.SCALAR);
    f("clamp_min", ValueType.VECTOR, 0, false, ValueType.VECTOR, ValueType.SCALAR);
    f("cos", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("cosh", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("count_over_time", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("days_in_month", ValueType.VECTOR, 1, false, ValueType.VECTOR);
    f("day_of_month", ValueType.VECTOR, 1, false, ValueType.VECTOR);
    f("day_of_week", ValueType.VECTOR, 1, false, ValueType.VECTOR);
    f("day_of_year", ValueType.VECTOR, 1, false, ValueType.VECTOR);
    f("deg", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("end", ValueType.SCALAR, 0, true);
    f("delta", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("deriv", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("exp", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("first_over_time", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("floor", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("histogram_avg", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("histogram_count", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("histogram_sum", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("histogram_stddev", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("histogram_stdvar", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f(
        "histogram_fraction",
        ValueType.VECTOR,
        0,
        false,
        ValueType.SCALAR,
        ValueType.SCALAR,
        ValueType.VECTOR);
    f("histogram_quantile", ValueType.VECTOR, 0, false, ValueType.SCALAR, ValueType.VECTOR);
    f(
        "histogram_quantiles",
        ValueType.VECTOR,
        9,
        true,
        ValueType.VECTOR,
        ValueType.STRING,
        ValueType.SCALAR,
        ValueType.SCALAR);
    f(
        "double_exponential_smoothing",
        ValueType.VECTOR,
        0,
        true,
        ValueType.MATRIX,
        ValueType.SCALAR,
        ValueType.SCALAR);
    f("hour", ValueType.VECTOR, 1, false, ValueType.VECTOR);
    f("idelta", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("increase", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("info", ValueType.VECTOR, 1, true, ValueType.VECTOR, ValueType.VECTOR);
    f("irate", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f(
        "label_replace",
        ValueType.VECTOR,
        0,
        false,
        ValueType.VECTOR,
        ValueType.STRING,
        ValueType.STRING,
        ValueType.STRING,
        ValueType.STRING);
    f(
        "label_join",
        ValueType.VECTOR,
        -1,
        false,
        ValueType.VECTOR,
        ValueType.STRING,
        ValueType.STRING,
        ValueType.STRING);
    f("max_of", ValueType.SCALAR, 0, true, ValueType.SCALAR, ValueType.SCALAR);
    f("last_over_time", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("min_of", ValueType.SCALAR, 0, true, ValueType.SCALAR, ValueType.SCALAR);
    f("ln", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("log10", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("log2", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("mad_over_time", ValueType.VECTOR, 0, true, ValueType.MATRIX);
    f("max_over_time", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("min_over_time", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("ts_of_first_over_time", ValueType.VECTOR, 0, true, ValueType.MATRIX);
    f("ts_of_max_over_time", ValueType.VECTOR, 0, true, ValueType.MATRIX);
    f("ts_of_min_over_time", ValueType.VECTOR, 0, true, ValueType.MATRIX);
    f("ts_of_last_over_time", ValueType.VECTOR, 0, true, ValueType.MATRIX);
    f("minute", ValueType.VECTOR, 1, false, ValueType.VECTOR);
    f("month", ValueType.VECTOR, 1, false, ValueType.VECTOR);
    f("pi", ValueType.SCALAR, 0, false);
    f("predict_linear", ValueType.VECTOR, 0, false, ValueType.MATRIX, ValueType.SCALAR);
    f("present_over_time", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("quantile_over_time", ValueType.VECTOR, 0, false, ValueType.SCALAR, ValueType.MATRIX);
    f("rad", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("range", ValueType.SCALAR, 0, true);
    f("rate", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("resets", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("round", ValueType.VECTOR, 1, false, ValueType.VECTOR, ValueType.SCALAR);
    f("scalar", ValueType.SCALAR, 0, false, ValueType.VECTOR);
    f("sgn", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("sin", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("sinh", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("sort", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("sort_desc", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("sort_by_label", ValueType.VECTOR, -1, true, ValueType.VECTOR, ValueType.STRING);
    f("sort_by_label_desc", ValueType.VECTOR, -1, true, ValueType.VECTOR, ValueType.STRING);
    f("sqrt", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("start", ValueType.SCALAR, 0, true);
    f("start_timestamp", ValueType.VECTOR, 0, true, ValueType.VECTOR);
    f("step", ValueType.SCALAR, 0, true);
    f("stddev_over_time", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("stdvar_over_time", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("sum_over_time", ValueType.VECTOR, 0, false, ValueType.MATRIX);
    f("tan", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("tanh", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("time", ValueType.SCALAR, 0, false);
    f("timestamp", ValueType.VECTOR, 0, false, ValueType.VECTOR);
    f("vector", ValueType.VECTOR, 0, false, ValueType.SCALAR);
    f("year", ValueType.VECTOR, 1, false, ValueType.VECTOR);
  }

  private static void f(
      String name, ValueType ret, int variadic, boolean experimental, ValueType... args) {
    FUNCTIONS.put(name, new FunctionSpec(name, List.of(args), variadic, ret, experimental));
  }

  public static Optional<FunctionSpec> byName(String name) {
    return Optional.ofNullable(FUNCTIONS.get(name));
  }
}

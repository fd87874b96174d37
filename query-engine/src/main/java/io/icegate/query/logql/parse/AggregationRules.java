package io.icegate.query.logql.parse;

import io.icegate.query.logql.ast.GroupingExpr;
import io.icegate.query.logql.ast.LogRange;
import io.icegate.query.logql.ast.RangeAggregation;
import io.icegate.query.logql.ast.RangeOp;
import io.icegate.query.logql.ast.SampleExpr;
import io.icegate.query.logql.ast.VectorAggregation;
import io.icegate.query.logql.ast.VectorOp;
import java.util.Optional;

/** Loki's rules for aggregations' parameters, grouping and unwrap, with Loki's messages. */
final class AggregationRules {
  private AggregationRules() {}

  static RangeAggregation range(
      RangeOp op, LogRange range, Optional<Token> parameterToken, Optional<GroupingExpr> grouping) {
    Optional<Double> parameter = Optional.empty();
    if (parameterToken.isPresent()) {
      String text = parameterToken.get().text();
      if (!op.takesParameter()) {
        throw LogQLParseException.semantic(
            "parameter " + text + " not supported for operation " + op.function());
      }
      parameter = Optional.of(Numbers.parse(parameterToken.get(), false));
    } else if (op.takesParameter()) {
      throw LogQLParseException.semantic("parameter required for operation " + op.function());
    }
    if (grouping.isPresent() && !op.groupingAllowed()) {
      throw LogQLParseException.semantic(
          "grouping not allowed for " + op.function() + " aggregation");
    }
    if (range.unwrap().isPresent() && op.unwrapping() == RangeOp.Unwrapping.FORBIDDEN) {
      throw LogQLParseException.semantic("invalid aggregation " + op.function() + " with unwrap");
    }
    if (range.unwrap().isEmpty() && op.unwrapping() == RangeOp.Unwrapping.REQUIRED) {
      throw LogQLParseException.semantic(
          "invalid aggregation " + op.function() + " without unwrap");
    }
    return new RangeAggregation(op, range, parameter, grouping);
  }

  static VectorAggregation vector(
      VectorOp op,
      SampleExpr inner,
      Optional<GroupingExpr> grouping,
      Optional<Token> parameterToken) {
    Optional<Integer> parameter = Optional.empty();
    if (op.requiresParameter()) {
      if (parameterToken.isEmpty()) {
        throw LogQLParseException.semantic("parameter required for operation " + op.function());
      }
      String text = parameterToken.get().text();
      int k;
      try {
        k = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw LogQLParseException.semantic("invalid parameter " + op.function() + "(" + text + ",");
      }
      if (k <= 0) {
        throw LogQLParseException.semantic(
            "invalid parameter (must be greater than 0) " + op.function() + "(" + text);
      }
      parameter = Optional.of(k);
    } else if (parameterToken.isPresent()) {
      throw LogQLParseException.semantic(
          "unsupported parameter for operation "
              + op.function()
              + "("
              + parameterToken.get().text()
              + ",");
    }
    if ((op == VectorOp.SORT || op == VectorOp.SORT_DESC)
        && grouping.isPresent()
        && !grouping.get().labels().isEmpty()) {
      throw LogQLParseException.semantic("sort and sort_desc doesn't allow grouping by ");
    }
    return new VectorAggregation(op, inner, grouping, parameter);
  }
}

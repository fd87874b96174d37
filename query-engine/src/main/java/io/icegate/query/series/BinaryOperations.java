package io.icegate.query.series;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binary operators over instant vectors and scalars, with Prometheus' vector matching: one-to-one,
 * {@code group_left}/{@code group_right} with extra labels, {@code on}/{@code ignoring}, and the
 * set operators. Pure functions of their arguments; the result order is unspecified (callers sort).
 */
public final class BinaryOperations {
  private static final String MANY_TO_ONE_IMPLICIT =
      "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)";
  private static final String GROUPING_NOT_UNIQUE =
      "multiple matches for labels: grouping labels must ensure unique matches";

  private BinaryOperations() {}

  /**
   * {@code lhs op rhs} for two vectors.
   *
   * @param returnBool the {@code bool} modifier: comparisons answer 0/1 instead of filtering
   * @throws VectorMatchingException when samples cannot be paired as {@code matching} says
   */
  public static List<Sample> vectors(
      BinaryOperator op,
      VectorMatching matching,
      boolean returnBool,
      List<Sample> lhs,
      List<Sample> rhs,
      Dialect dialect) {
    requireNonNull(op, "op is null");
    requireNonNull(matching, "matching is null");
    Set<String> matchingSet = Set.copyOf(matching.matchingLabels());
    return switch (op) {
      case AND -> and(lhs, rhs, matching, matchingSet);
      case OR -> or(lhs, rhs, matching, matchingSet);
      case UNLESS -> unless(lhs, rhs, matching, matchingSet);
      default -> arithmeticOrComparison(op, matching, matchingSet, returnBool, lhs, rhs, dialect);
    };
  }

  private static List<Sample> arithmeticOrComparison(
      BinaryOperator op,
      VectorMatching matching,
      Set<String> matchingSet,
      boolean returnBool,
      List<Sample> lhs,
      List<Sample> rhs,
      Dialect dialect) {
    Cardinality card = matching.cardinality();
    if (card == Cardinality.MANY_TO_MANY) {
      throw new IllegalArgumentException(
          "Invalid matching: many-to-many is for set operators only");
    }
    // group_right is group_left with the sides swapped; swapped back before the operator runs.
    boolean swapped = card == Cardinality.ONE_TO_MANY;
    List<Sample> many = swapped ? rhs : lhs;
    List<Sample> one = swapped ? lhs : rhs;

    Map<Labels, Sample> oneBySignature = new HashMap<>(one.size() * 2);
    for (Sample s : one) {
      Labels sig = matching.signature(s.labels(), matchingSet);
      Sample previous = oneBySignature.putIfAbsent(sig, s);
      if (previous != null) {
        throw new VectorMatchingException(
            dialect.duplicateSeriesMessage(swapped ? "left" : "right", sig, previous, s));
      }
    }

    Map<Labels, Set<Labels>> matched = new HashMap<>();
    Set<String> include = Set.copyOf(matching.include());
    List<Sample> results = new ArrayList<>();
    for (Sample m : many) {
      Labels sig = matching.signature(m.labels(), matchingSet);
      Sample o = oneBySignature.get(sig);
      if (o == null) {
        continue;
      }
      Labels metric =
          resultLabels(
              m.labels(), o.labels(), op, returnBool, matching, matchingSet, include, dialect);
      if (card == Cardinality.ONE_TO_ONE) {
        if (matched.putIfAbsent(sig, Set.of()) != null) {
          throw new VectorMatchingException(MANY_TO_ONE_IMPLICIT);
        }
      } else if (!matched.computeIfAbsent(sig, k -> new HashSet<>()).add(metric)) {
        throw new VectorMatchingException(GROUPING_NOT_UNIQUE);
      }
      Sample left = swapped ? o : m;
      Sample right = swapped ? m : o;
      double value = op.apply(left.value(), right.value(), dialect);
      if (op.isComparison() && !returnBool) {
        if (value == 0) {
          continue;
        }
        // A filtering comparison keeps the left operand's value.
        value = left.value();
      }
      results.add(new Sample(metric, value));
    }
    return results;
  }

  /** The labels of a result sample (Prometheus' and Loki's {@code resultMetric}). */
  private static Labels resultLabels(
      Labels many,
      Labels one,
      BinaryOperator op,
      boolean returnBool,
      VectorMatching matching,
      Set<String> matchingSet,
      Set<String> include,
      Dialect dialect) {
    Labels result = many;
    if (dialect.dropsMetricName(op, returnBool)) {
      result = result.without(Labels.METRIC_NAME);
    }
    if (matching.cardinality() == Cardinality.ONE_TO_ONE) {
      result = matching.on() ? result.keep(matchingSet) : result.drop(matchingSet);
    }
    for (String name : include) {
      // Included labels come from the "one" side; an absent one is removed.
      result = result.with(name, one.get(name));
    }
    return result;
  }

  private static List<Sample> and(
      List<Sample> lhs, List<Sample> rhs, VectorMatching matching, Set<String> matchingSet) {
    if (lhs.isEmpty() || rhs.isEmpty()) {
      return List.of();
    }
    Set<Labels> right = signatures(rhs, matching, matchingSet);
    List<Sample> results = new ArrayList<>();
    for (Sample s : lhs) {
      if (right.contains(matching.signature(s.labels(), matchingSet))) {
        results.add(s);
      }
    }
    return results;
  }

  private static List<Sample> or(
      List<Sample> lhs, List<Sample> rhs, VectorMatching matching, Set<String> matchingSet) {
    if (lhs.isEmpty()) {
      return rhs;
    }
    if (rhs.isEmpty()) {
      return lhs;
    }
    Set<Labels> left = signatures(lhs, matching, matchingSet);
    List<Sample> results = new ArrayList<>(lhs);
    for (Sample s : rhs) {
      if (!left.contains(matching.signature(s.labels(), matchingSet))) {
        results.add(s);
      }
    }
    return results;
  }

  private static List<Sample> unless(
      List<Sample> lhs, List<Sample> rhs, VectorMatching matching, Set<String> matchingSet) {
    if (lhs.isEmpty() || rhs.isEmpty()) {
      return lhs;
    }
    Set<Labels> right = signatures(rhs, matching, matchingSet);
    List<Sample> results = new ArrayList<>();
    for (Sample s : lhs) {
      if (!right.contains(matching.signature(s.labels(), matchingSet))) {
        results.add(s);
      }
    }
    return results;
  }

  private static Set<Labels> signatures(
      List<Sample> samples, VectorMatching matching, Set<String> matchingSet) {
    Set<Labels> sigs = new HashSet<>(samples.size() * 2);
    for (Sample s : samples) {
      sigs.add(matching.signature(s.labels(), matchingSet));
    }
    return sigs;
  }

  /**
   * {@code vector op scalar} or, with {@code scalarOnLeft}, {@code scalar op vector}. A filtering
   * comparison keeps the vector's value whichever side it is on.
   */
  public static List<Sample> vectorScalar(
      BinaryOperator op,
      List<Sample> vector,
      double scalar,
      boolean scalarOnLeft,
      boolean returnBool,
      Dialect dialect) {
    if (op.isSet()) {
      throw new IllegalArgumentException(
          "Invalid operands: set operator " + op.symbol() + " needs two vectors");
    }
    List<Sample> results = new ArrayList<>(vector.size());
    boolean dropName = dialect.dropsMetricName(op, returnBool);
    for (Sample s : vector) {
      double value =
          scalarOnLeft
              ? op.apply(scalar, s.value(), dialect)
              : op.apply(s.value(), scalar, dialect);
      if (op.isComparison() && !returnBool) {
        if (value == 0) {
          continue;
        }
        value = s.value();
      }
      Labels labels = dropName ? s.labels().without(Labels.METRIC_NAME) : s.labels();
      results.add(new Sample(labels, value));
    }
    return results;
  }

  /** {@code scalar op scalar}; comparisons answer 0/1 (they need {@code bool} in PromQL). */
  public static double scalars(BinaryOperator op, double lhs, double rhs, Dialect dialect) {
    if (op.isSet()) {
      throw new IllegalArgumentException(
          "Invalid operands: set operator " + op.symbol() + " needs two vectors");
    }
    return op.apply(lhs, rhs, dialect);
  }
}

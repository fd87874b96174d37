package io.icegate.query.series;

import static io.icegate.query.series.BinaryOperator.ADD;
import static io.icegate.query.series.BinaryOperator.AND;
import static io.icegate.query.series.BinaryOperator.DIV;
import static io.icegate.query.series.BinaryOperator.EQ;
import static io.icegate.query.series.BinaryOperator.GE;
import static io.icegate.query.series.BinaryOperator.GT;
import static io.icegate.query.series.BinaryOperator.LE;
import static io.icegate.query.series.BinaryOperator.LT;
import static io.icegate.query.series.BinaryOperator.MOD;
import static io.icegate.query.series.BinaryOperator.MUL;
import static io.icegate.query.series.BinaryOperator.NE;
import static io.icegate.query.series.BinaryOperator.OR;
import static io.icegate.query.series.BinaryOperator.POW;
import static io.icegate.query.series.BinaryOperator.SUB;
import static io.icegate.query.series.BinaryOperator.UNLESS;
import static io.icegate.query.series.Dialect.LOKI;
import static io.icegate.query.series.Dialect.PROMETHEUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are worked out by hand from the operands in each test. */
class BinaryOperationsTest {
  private static final Labels A = Labels.of("app", "a", "env", "prod");
  private static final Labels B = Labels.of("app", "b", "env", "prod");
  private static final Labels C = Labels.of("app", "c", "env", "dev");
  private static final List<Sample> LEFT = List.of(s(A, 10), s(B, 20), s(C, 30));
  private static final List<Sample> RIGHT =
      List.of(s(A, 2), s(B, 0), s(Labels.of("app", "d", "env", "prod"), 5));

  private static Sample s(Labels labels, double value) {
    return new Sample(labels, value);
  }

  private static List<Sample> vv(BinaryOperator op, List<Sample> l, List<Sample> r) {
    return BinaryOperations.vectors(op, VectorMatching.defaults(), false, l, r, LOKI);
  }

  @Test
  void arithmeticMatchesOneToOneOnAllLabels() {
    assertThat(vv(ADD, LEFT, RIGHT)).containsExactly(s(A, 12), s(B, 20));
    assertThat(vv(SUB, LEFT, RIGHT)).containsExactly(s(A, 8), s(B, 20));
    assertThat(vv(MUL, LEFT, RIGHT)).containsExactly(s(A, 20), s(B, 0));
    assertThat(vv(DIV, LEFT, RIGHT)).containsExactly(s(A, 5), s(B, Double.NaN));
    assertThat(vv(MOD, LEFT, RIGHT)).containsExactly(s(A, 0), s(B, Double.NaN));
    assertThat(vv(POW, LEFT, RIGHT)).containsExactly(s(A, 100), s(B, 1));
    assertThat(
            BinaryOperations.vectors(
                DIV, VectorMatching.defaults(), false, LEFT, RIGHT, PROMETHEUS))
        .containsExactly(s(A, 5), s(B, Double.POSITIVE_INFINITY));
  }

  @Test
  void comparisonsFilterKeepingTheLeftValueOrAnswerBool() {
    List<Sample> right = List.of(s(A, 10), s(B, 25));
    assertThat(vv(EQ, LEFT, right)).containsExactly(s(A, 10));
    assertThat(vv(NE, LEFT, right)).containsExactly(s(B, 20));
    assertThat(vv(GT, LEFT, right)).isEmpty();
    assertThat(vv(GE, LEFT, right)).containsExactly(s(A, 10));
    assertThat(vv(LT, LEFT, right)).containsExactly(s(B, 20));
    assertThat(vv(LE, LEFT, right)).containsExactly(s(A, 10), s(B, 20));
    assertThat(BinaryOperations.vectors(GT, VectorMatching.defaults(), true, LEFT, right, LOKI))
        .containsExactly(s(A, 0), s(B, 0));
    assertThat(BinaryOperations.vectors(LE, VectorMatching.defaults(), true, LEFT, right, LOKI))
        .containsExactly(s(A, 1), s(B, 1));
  }

  @Test
  void onAndIgnoringDecideTheMatchAndTheResultLabels() {
    List<Sample> left = List.of(s(A, 1));
    List<Sample> right = List.of(s(Labels.of("app", "a", "env", "dev"), 5));
    assertThat(BinaryOperations.vectors(ADD, VectorMatching.on("app"), false, left, right, LOKI))
        .containsExactly(s(Labels.of("app", "a"), 6));
    assertThat(
            BinaryOperations.vectors(ADD, VectorMatching.ignoring("env"), false, left, right, LOKI))
        .containsExactly(s(Labels.of("app", "a"), 6));
    assertThat(vv(ADD, left, right)).isEmpty();
  }

  private static final List<Sample> PODS =
      List.of(
          s(Labels.of("app", "a", "pod", "1"), 1),
          s(Labels.of("app", "a", "pod", "2"), 2),
          s(Labels.of("app", "b", "pod", "3"), 3));
  private static final List<Sample> TEAMS =
      List.of(s(Labels.of("app", "a", "team", "x"), 10), s(Labels.of("app", "b", "team", "y"), 20));

  @Test
  void groupLeftCopiesIncludedLabelsFromTheOneSide() {
    assertThat(
            BinaryOperations.vectors(
                MUL, VectorMatching.on("app").groupLeft("team"), false, PODS, TEAMS, LOKI))
        .containsExactly(
            s(Labels.of("app", "a", "pod", "1", "team", "x"), 10),
            s(Labels.of("app", "a", "pod", "2", "team", "x"), 20),
            s(Labels.of("app", "b", "pod", "3", "team", "y"), 60));
    assertThat(
            BinaryOperations.vectors(
                MUL, VectorMatching.ignoring("pod", "team").groupLeft(), false, PODS, TEAMS, LOKI))
        .containsExactly(
            s(Labels.of("app", "a", "pod", "1"), 10),
            s(Labels.of("app", "a", "pod", "2"), 20),
            s(Labels.of("app", "b", "pod", "3"), 60));
  }

  @Test
  void groupRightKeepsOperandOrder() {
    assertThat(
            BinaryOperations.vectors(
                SUB, VectorMatching.on("app").groupRight("team"), false, TEAMS, PODS, LOKI))
        .containsExactly(
            s(Labels.of("app", "a", "pod", "1", "team", "x"), 9),
            s(Labels.of("app", "a", "pod", "2", "team", "x"), 8),
            s(Labels.of("app", "b", "pod", "3", "team", "y"), 17));
  }

  @Test
  void includedLabelMissingOnTheOneSideIsRemoved() {
    List<Sample> many = List.of(s(Labels.of("app", "a", "team", "old"), 1));
    List<Sample> one = List.of(s(Labels.of("app", "a"), 2));
    assertThat(
            BinaryOperations.vectors(
                ADD, VectorMatching.on("app").groupLeft("team"), false, many, one, LOKI))
        .containsExactly(s(Labels.of("app", "a"), 3));
  }

  @Test
  void manyToOneWithoutGroupModifierFails() {
    assertThatThrownBy(
            () -> BinaryOperations.vectors(ADD, VectorMatching.on("app"), false, PODS, TEAMS, LOKI))
        .isInstanceOf(VectorMatchingException.class)
        .hasMessage(
            "multiple matches for labels: many-to-one matching must be explicit"
                + " (group_left/group_right)");
  }

  @Test
  void duplicatesOnTheOneSideFailNamingTheSide() {
    String loki =
        "found duplicate series on the %s hand-side;many-to-many matching not allowed: matching"
            + " labels must be unique on one side";
    assertThatThrownBy(
            () -> BinaryOperations.vectors(ADD, VectorMatching.on("app"), false, TEAMS, PODS, LOKI))
        .isInstanceOf(VectorMatchingException.class)
        .hasMessage(loki, "right");
    assertThatThrownBy(
            () ->
                BinaryOperations.vectors(
                    ADD, VectorMatching.on("app").groupLeft(), false, TEAMS, PODS, LOKI))
        .hasMessage(loki, "right");
    assertThatThrownBy(
            () ->
                BinaryOperations.vectors(
                    ADD, VectorMatching.on("app").groupRight(), false, PODS, TEAMS, LOKI))
        .hasMessage(loki, "left");
    assertThatThrownBy(
            () ->
                BinaryOperations.vectors(
                    ADD, VectorMatching.on("app"), false, TEAMS, PODS, PROMETHEUS))
        .hasMessage(
            "found duplicate series for the match group {app=\"a\"} on the right hand-side of the"
                + " operation: [{app=\"a\", pod=\"1\"}, {app=\"a\", pod=\"2\"}];many-to-many"
                + " matching not allowed: matching labels must be unique on one side");
  }

  @Test
  void groupLeftResultsMustBeUnique() {
    List<Sample> many =
        List.of(s(Labels.of("app", "a", "team", "1"), 1), s(Labels.of("app", "a", "team", "2"), 2));
    List<Sample> one = List.of(s(Labels.of("app", "a", "team", "x"), 10));
    assertThatThrownBy(
            () ->
                BinaryOperations.vectors(
                    ADD, VectorMatching.on("app").groupLeft("team"), false, many, one, LOKI))
        .isInstanceOf(VectorMatchingException.class)
        .hasMessage("multiple matches for labels: grouping labels must ensure unique matches");
  }

  @Test
  void setOperators() {
    Labels cQa = Labels.of("app", "c", "env", "qa");
    List<Sample> right = List.of(s(A, 100), s(cQa, 300));
    VectorMatching onApp = VectorMatching.on("app");
    VectorMatching all = VectorMatching.defaults();
    assertThat(BinaryOperations.vectors(AND, all, false, LEFT, right, LOKI))
        .containsExactly(s(A, 10));
    assertThat(BinaryOperations.vectors(AND, onApp, false, LEFT, right, LOKI))
        .containsExactly(s(A, 10), s(C, 30));
    assertThat(BinaryOperations.vectors(OR, all, false, LEFT, right, LOKI))
        .containsExactly(s(A, 10), s(B, 20), s(C, 30), s(cQa, 300));
    assertThat(BinaryOperations.vectors(OR, onApp, false, LEFT, right, LOKI))
        .containsExactly(s(A, 10), s(B, 20), s(C, 30));
    assertThat(BinaryOperations.vectors(UNLESS, all, false, LEFT, right, LOKI))
        .containsExactly(s(B, 20), s(C, 30));
    assertThat(BinaryOperations.vectors(UNLESS, onApp, false, LEFT, right, LOKI))
        .containsExactly(s(B, 20));
    assertThat(BinaryOperations.vectors(AND, all, false, LEFT, List.of(), LOKI)).isEmpty();
    assertThat(BinaryOperations.vectors(OR, all, false, List.of(), right, LOKI)).isEqualTo(right);
    assertThat(BinaryOperations.vectors(UNLESS, all, false, LEFT, List.of(), LOKI)).isEqualTo(LEFT);
  }

  @Test
  void scalarAndVector() {
    assertThat(BinaryOperations.vectorScalar(SUB, LEFT, 1, true, false, LOKI))
        .containsExactly(s(A, -9), s(B, -19), s(C, -29));
    assertThat(BinaryOperations.vectorScalar(SUB, LEFT, 1, false, false, LOKI))
        .containsExactly(s(A, 9), s(B, 19), s(C, 29));
    assertThat(BinaryOperations.vectorScalar(DIV, LEFT, 0, false, false, LOKI))
        .extracting(Sample::value)
        .containsOnly(Double.NaN);
    // The vector's value survives a filtering comparison on either side.
    assertThat(BinaryOperations.vectorScalar(GT, LEFT, 15, false, false, LOKI))
        .containsExactly(s(B, 20), s(C, 30));
    assertThat(BinaryOperations.vectorScalar(LT, LEFT, 15, true, false, LOKI))
        .containsExactly(s(B, 20), s(C, 30));
    assertThat(BinaryOperations.vectorScalar(LT, LEFT, 15, true, true, LOKI))
        .containsExactly(s(A, 0), s(B, 1), s(C, 1));
  }

  @Test
  void prometheusDropsMetricNameForArithmeticAndBoolOnly() {
    Labels named = Labels.of("__name__", "up", "job", "x");
    Labels bare = Labels.of("job", "x");
    List<Sample> v = List.of(s(named, 1));
    assertThat(BinaryOperations.vectorScalar(ADD, v, 1, false, false, PROMETHEUS))
        .containsExactly(s(bare, 2));
    assertThat(BinaryOperations.vectorScalar(EQ, v, 1, false, false, PROMETHEUS))
        .containsExactly(s(named, 1));
    assertThat(BinaryOperations.vectorScalar(EQ, v, 1, false, true, PROMETHEUS))
        .containsExactly(s(bare, 1));
    assertThat(BinaryOperations.vectors(MUL, VectorMatching.defaults(), false, v, v, PROMETHEUS))
        .containsExactly(s(bare, 1));
    assertThat(BinaryOperations.vectorScalar(ADD, v, 1, false, false, LOKI))
        .containsExactly(s(named, 2));
  }

  @Test
  void scalarsAndGoPow() {
    assertThat(BinaryOperations.scalars(ADD, 1, 1, LOKI)).isEqualTo(2);
    assertThat(BinaryOperations.scalars(GT, 2, 1, LOKI)).isEqualTo(1);
    assertThat(BinaryOperations.scalars(DIV, 5, 0, LOKI)).isNaN();
    assertThat(BinaryOperations.scalars(DIV, 5, 0, PROMETHEUS)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(BinaryOperations.scalars(MOD, 7, 3, LOKI)).isEqualTo(1);
    assertThat(BinaryOperations.scalars(MOD, -7, 3, LOKI)).isEqualTo(-1);
    assertThat(BinaryOperations.scalars(POW, 1, Double.NaN, LOKI)).isEqualTo(1);
    assertThat(BinaryOperations.scalars(POW, 2, 10, LOKI)).isEqualTo(1024);
    assertThatThrownBy(() -> BinaryOperations.scalars(AND, 1, 1, LOKI))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid operands: set operator and needs two vectors");
  }
}

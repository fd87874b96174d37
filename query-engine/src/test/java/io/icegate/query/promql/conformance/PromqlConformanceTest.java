package io.icegate.query.promql.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every {@code .test} file of Prometheus' promqltest suite (the shared conformance folder, or
 * {@code -Dpromql.testdata=DIR}) and requires 95% of the evals to pass. Prints one line per file
 * and a total, which the dedicated surefire execution shows in the Maven log.
 */
class PromqlConformanceTest {
  private static final double REQUIRED = 0.95;

  @Test
  void promqltestScriptsPass() throws IOException {
    // The default surefire execution leaves this test to the dedicated one (see the pom).
    assumeFalse(
        Boolean.getBoolean("promql.conformance.skip"), "run by the promql-conformance execution");
    Path dir = Path.of(System.getProperty("promql.testdata", "../../shared/conformance/promql"));
    assertThat(dir).isDirectory();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".test")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    PrintStream out = System.out;
    boolean verbose = Boolean.getBoolean("promql.verbose");
    long passed = 0;
    long total = 0;
    for (Path f : files) {
      List<PromqlScript.Outcome> outcomes =
          PromqlScript.run(Files.readString(f, StandardCharsets.UTF_8));
      long ok = outcomes.stream().filter(PromqlScript.Outcome::passed).count();
      passed += ok;
      total += outcomes.size();
      out.println(
          "promqltest " + f.getFileName() + ": " + ok + "/" + outcomes.size() + " evals passed");
      if (verbose) {
        outcomes.stream()
            .filter(o -> !o.passed())
            .forEach(
                o ->
                    out.println(
                        "  FAIL "
                            + f.getFileName()
                            + ":"
                            + o.line()
                            + " "
                            + o.expr()
                            + " -> "
                            + o.failure()));
      }
    }
    out.println("promqltest total: " + passed + "/" + total + " evals passed");
    out.flush();
    assertThat((double) passed / total)
        .as("share of promqltest evals passed (%d/%d)", passed, total)
        .isGreaterThanOrEqualTo(REQUIRED);
  }
}

package io.icegate.bench.logql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icegate.query.logql.parse.LogQL;
import io.icegate.query.logql.pipeline.LabelSet;
import io.icegate.query.logql.pipeline.LabelsBuilder;
import io.icegate.query.logql.pipeline.Pipeline;
import io.icegate.query.logql.pipeline.PipelineCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * LogQL pipeline stages (issue 10) per line, each beside the plain Java a hand-written query would
 * use: {@code | json} against Jackson's tree model flattened into a map, {@code | logfmt} against
 * splitting on spaces, {@code | pattern} against a compiled regex, {@code line_format} against
 * string concatenation. Lines are the loghub Spark sample (../shared/datasets/loghub), 2,000 per
 * invocation; the JSON variant wraps each line into a small JSON document first.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PipelineBenchmark {
  private static final int LINES = 2000;
  private static final LabelSet STREAM = LabelSet.of("job", "spark");

  private final List<String> plain = new ArrayList<>();
  private final List<String> json = new ArrayList<>();
  private final List<String> logfmt = new ArrayList<>();
  private final LabelsBuilder builder = new LabelsBuilder();
  private final ObjectMapper mapper = new ObjectMapper();
  private Pipeline jsonPipeline;
  private Pipeline logfmtPipeline;
  private Pipeline patternPipeline;
  private Pipeline formatPipeline;
  private final Pattern regex = Pattern.compile("^(\\S+) (\\S+) (\\S+) ([^:]+): (.*)$");

  @Setup
  public void setup() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Path.of(System.getProperty("loghub", "/work/shared/datasets/loghub"))
                .resolve("Spark_2k.log"));
    for (String line : lines.subList(0, LINES)) {
      String[] p = line.split(" ", 4);
      String msg = p.length > 3 ? p[3] : "";
      plain.add(line);
      json.add(
          mapper.writeValueAsString(
              Map.of("date", p[0], "level", p[2], "detail", Map.of("time", p[1], "msg", msg))));
      logfmt.add(
          "date="
              + p[0]
              + " time="
              + p[1]
              + " level="
              + p[2]
              + " msg="
              + mapper.writeValueAsString(msg));
    }
    jsonPipeline = compile("| json");
    logfmtPipeline = compile("| logfmt");
    patternPipeline = compile("| pattern \"<date> <time> <level> <component>: <msg>\"");
    formatPipeline = compile("| line_format `{{.job}} {{__line__}}`");
  }

  private static Pipeline compile(String stages) {
    return PipelineCompiler.compile(LogQL.parseLogQuery("{job=\"spark\"} " + stages).pipeline());
  }

  private void run(Pipeline p, List<String> lines, Blackhole bh) {
    for (String line : lines) {
      builder.reset(STREAM, Map.of());
      bh.consume(p.process(0, line, builder));
      bh.consume(builder.get("level"));
    }
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void jsonStage(Blackhole bh) {
    run(jsonPipeline, json, bh);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void jsonJacksonTree(Blackhole bh) throws IOException {
    for (String line : json) {
      Map<String, String> out = new HashMap<>();
      flatten("", mapper.readTree(line), out);
      bh.consume(out.get("level"));
    }
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String name = prefix.isEmpty() ? e.getKey() : prefix + "_" + e.getKey();
      if (e.getValue().isObject()) {
        flatten(name, e.getValue(), out);
      } else if (e.getValue().isValueNode()) {
        out.put(name, e.getValue().asText());
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void logfmtStage(Blackhole bh) {
    run(logfmtPipeline, logfmt, bh);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void logfmtSplit(Blackhole bh) {
    for (String line : logfmt) {
      Map<String, String> out = new HashMap<>();
      for (String token : line.split(" ")) {
        int eq = token.indexOf('=');
        if (eq > 0) {
          out.put(token.substring(0, eq), token.substring(eq + 1));
        }
      }
      bh.consume(out.get("level"));
    }
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void patternStage(Blackhole bh) {
    run(patternPipeline, plain, bh);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void patternRegex(Blackhole bh) {
    for (String line : plain) {
      Matcher m = regex.matcher(line);
      if (m.matches()) {
        Map<String, String> out = new HashMap<>();
        for (int g = 1; g <= 5; g++) {
          out.put("g" + g, m.group(g));
        }
        bh.consume(out.get("g3"));
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void lineFormatTemplate(Blackhole bh) {
    run(formatPipeline, plain, bh);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void lineFormatConcat(Blackhole bh) {
    for (String line : plain) {
      bh.consume("spark " + line);
    }
  }
}

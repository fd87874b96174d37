package io.icegate.query.http.loki;

import io.icegate.query.LakeStack;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lake stack (catalog, ingest, query over S3Proxy) for one Loki test class, filled once by {@link
 * #populate}, and a {@link LokiClient} to its query port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LokiStackFixture {
  @TempDir static Path root;
  LakeStack stack;
  LokiClient loki;

  @BeforeAll
  void startStack() {
    stack = LakeStack.start(root, Map.of());
    loki = new LokiClient(stack);
    populate();
  }

  @AfterAll
  void stopStack() {
    stack.close();
  }

  /** Sends the class's telemetry; nothing by default. */
  void populate() {}
}

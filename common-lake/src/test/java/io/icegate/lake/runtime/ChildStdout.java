package io.icegate.lake.runtime;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * For the child JVMs that tests start: keeps the process's stdout for the lines the parent parses
 * and sends everything else printed to {@code System.out} (logback's console appender, library
 * prints) to stderr, which the parent writes to a log file. A logged warning with its stack trace
 * is then never parsed as an outcome (docs/decisions.md, issue 17).
 */
public final class ChildStdout {
  private ChildStdout() {}

  /** Call first in {@code main}, before anything logs; returns the stream for protocol lines. */
  public static PrintStream take() {
    PrintStream protocol =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    return protocol;
  }
}

package io.icegate.query.sql;

import io.icegate.lake.error.ErrorKind;
import io.icegate.lake.store.StorageException;
import io.icegate.lake.view.LakeChangedException;
import io.icegate.query.engine.QueryBudget;
import io.icegate.query.engine.QueryLimitExceededException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.iceberg.exceptions.NotFoundException;

/**
 * A query Calcite could not parse, validate or run, with the position in the query text when
 * Calcite knows it. Messages are one line; nothing of a stack trace reaches a client.
 */
public final class SqlQueryException extends RuntimeException implements ErrorKind.Classified {
  /** Where in the query text, 1-based; the end is inclusive. */
  public record Position(int line, int column, int endLine, int endColumn) {}

  // BAD_INPUT: syntax or validation, the query itself is wrong (400); EXECUTION: it ran and
  // failed on the data, a bad cast or a division by zero (422).
  private final ErrorKind kind;
  private final Optional<Position> position;

  SqlQueryException(ErrorKind kind, String message, Optional<Position> position, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.position = position;
  }

  public Optional<Position> position() {
    return position;
  }

  /**
   * Classifies a failure of the Calcite statement; limit, storage and lake-changed errors pass
   * through unchanged.
   */
  static RuntimeException of(Throwable failure, QueryBudget budget) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    for (Throwable t : chain) {
      if (t instanceof QueryLimitExceededException limit) {
        return limit;
      }
      if (t instanceof InterruptedException) {
        return budget.timeout();
      }
      if (t instanceof StorageException storage) {
        return storage;
      }
      if (t instanceof LakeChangedException changed) {
        return changed;
      }
      if (t instanceof NotFoundException) {
        // The view re-planned and the files still vanished: the lake is being rewritten.
        return new LakeChangedException(
            "Cannot run query: files of the table were removed while it was read (compaction or"
                + " cleanup); run the query again",
            t);
      }
    }
    for (Throwable t : chain) {
      if (t instanceof SqlParseException parse) {
        SqlParserPos pos = parse.getPos();
        Optional<Position> position =
            pos == null
                ? Optional.empty()
                : Optional.of(
                    new Position(
                        pos.getLineNum(),
                        pos.getColumnNum(),
                        pos.getEndLineNum(),
                        pos.getEndColumnNum()));
        return new SqlQueryException(
            ErrorKind.BAD_INPUT,
            "Cannot parse query: " + firstLine(parse.getMessage()),
            position,
            t);
      }
      if (t instanceof CalciteContextException context) {
        Position position =
            new Position(
                context.getPosLine(),
                context.getPosColumn(),
                context.getEndPosLine(),
                context.getEndPosColumn());
        return new SqlQueryException(
            ErrorKind.BAD_INPUT,
            "Cannot validate query: " + firstLine(context.getMessage()),
            Optional.of(position),
            t);
      }
    }
    Throwable root = chain.get(chain.size() - 1);
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return new SqlQueryException(
        ErrorKind.EXECUTION,
        "Cannot execute query: " + firstLine(message),
        Optional.empty(),
        failure);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 500 ? line.substring(0, 500) + "..." : line;
  }

  @Override
  public ErrorKind kind() {
    return kind;
  }
}

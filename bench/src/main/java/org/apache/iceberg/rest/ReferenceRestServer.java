package org.apache.iceberg.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * Iceberg's reference REST catalog server ({@link RESTCatalogServer} from {@code
 * iceberg-open-api:test-fixtures}: Jetty, {@code RESTCatalogServlet}, {@code RESTCatalogAdapter},
 * JdbcCatalog) on a SQLite file, for benchmarks beside catalog-service. It sits in Iceberg's
 * package because the server's constructors are package-private.
 */
public final class ReferenceRestServer implements AutoCloseable {
  private final RESTCatalogServer server;
  private final int port;

  private ReferenceRestServer(RESTCatalogServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts the server with its JDBC catalog in {@code folder}. */
  public static ReferenceRestServer start(Path folder) throws Exception {
    int port = freePort();
    RESTCatalogServer server =
        new RESTCatalogServer(
            Map.of(
                RESTCatalogServer.REST_PORT,
                Integer.toString(port),
                "uri",
                "jdbc:sqlite:" + folder.resolve("catalog.db"),
                "warehouse",
                folder.resolve("warehouse").toUri().toString()));
    server.start(false);
    return new ReferenceRestServer(server, port);
  }

  public String uri() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

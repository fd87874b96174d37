package io.icegate.lake.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy in front of an HTTP server that loses one exchange on command, to produce real
 * ambiguous outcomes: {@link #dropNextRequest} cuts the connection before the request whose headers
 * contain a marker reaches the server; {@link #dropNextResponse} lets it through and cuts the
 * connection instead of forwarding the answer.
 */
public final class LossyProxy implements AutoCloseable {
  private enum Drop {
    REQUEST,
    RESPONSE
  }

  private final URI target;
  private final ServerSocket server;
  private final AtomicReference<String> marker = new AtomicReference<>();
  private final AtomicReference<Drop> drop = new AtomicReference<>();
  private final AtomicInteger dropped = new AtomicInteger();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

  public LossyProxy(URI target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "lossy-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** The next request with {@code headerMarker} in its headers never reaches the server. */
  public void dropNextRequest(String headerMarker) {
    marker.set(headerMarker.toLowerCase(Locale.ROOT));
    drop.set(Drop.REQUEST);
  }

  /** The next request with {@code headerMarker} reaches the server; its answer is lost. */
  public void dropNextResponse(String headerMarker) {
    marker.set(headerMarker.toLowerCase(Locale.ROOT));
    drop.set(Drop.RESPONSE);
  }

  /** How many exchanges were lost so far. */
  public int dropped() {
    return dropped.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(target.getHost(), target.getPort());
        sockets.add(client);
        sockets.add(upstream);
        AtomicReference<Boolean> loseAnswer = new AtomicReference<>(false);
        start(() -> pumpRequests(client, upstream, loseAnswer));
        start(() -> pumpAnswers(upstream, client, loseAnswer));
      } catch (IOException e) {
        if (!server.isClosed()) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private void pumpRequests(Socket client, Socket upstream, AtomicReference<Boolean> loseAnswer) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = client.getInputStream();
        OutputStream out = upstream.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        String wanted = marker.get();
        if (wanted != null
            && new String(buffer, 0, n, StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT)
                .contains(wanted)) {
          Drop mode = drop.getAndSet(null);
          if (mode == Drop.REQUEST) {
            marker.set(null);
            dropped.incrementAndGet();
            closeBoth(client, upstream);
            return;
          }
          if (mode == Drop.RESPONSE) {
            marker.set(null);
            loseAnswer.set(true);
          }
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // a side closed: so does the other
    }
    closeBoth(client, upstream);
  }

  private void pumpAnswers(Socket upstream, Socket client, AtomicReference<Boolean> loseAnswer) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = upstream.getInputStream();
        OutputStream out = client.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (loseAnswer.get()) {
          dropped.incrementAndGet();
          break;
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // a side closed: so does the other
    }
    closeBoth(client, upstream);
  }

  private void closeBoth(Socket a, Socket b) {
    for (Socket socket : new Socket[] {a, b}) {
      try {
        socket.close();
      } catch (IOException e) {
        // already closed
      }
      sockets.remove(socket);
    }
  }

  private static void start(Runnable pump) {
    Thread thread = new Thread(pump, "lossy-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }
}

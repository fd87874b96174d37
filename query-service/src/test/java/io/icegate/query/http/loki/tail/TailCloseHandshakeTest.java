package io.icegate.query.http.loki.tail;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.query.LakeStack;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The close handshake of the live tail on the wire, with a hand-written client: a client's close
 * frame is answered with a close frame before the connection ends (RFC 6455 §5.5.1). A bare end of
 * stream instead is lost by the JDK's client when it arrives while a message is being handled, and
 * that client then never reports the close (docs/decisions.md).
 */
class TailCloseHandshakeTest {
  private static final int OPCODE_TEXT = 0x1;
  private static final int OPCODE_CLOSE = 0x8;
  @TempDir static Path root;
  private static LakeStack stack;

  @BeforeAll
  static void start() {
    stack = LakeStack.start(root, Map.of("icegate.loki.tail.poll-interval", "50ms"));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void aClientsCloseIsAnsweredWithACloseFrame() throws IOException {
    for (int code : new int[] {1000, 1001, 4000}) {
      try (Socket socket = upgrade()) {
        sendClose(socket.getOutputStream(), code);
        assertThat(closeCodeBeforeEnd(new DataInputStream(socket.getInputStream())))
            .as("close code answered to %s", code)
            .isEqualTo(code);
      }
    }
  }

  @Test
  void codesThatMayNotBeSentAreAnsweredWithNormalClosure() {
    assertThat(TailSocket.echoCode(1005)).isEqualTo(1000);
    assertThat(TailSocket.echoCode(1006)).isEqualTo(1000);
    assertThat(TailSocket.echoCode(1015)).isEqualTo(1000);
    assertThat(TailSocket.echoCode(1011)).isEqualTo(1011);
  }

  private static Socket upgrade() throws IOException {
    URI endpoint = URI.create(stack.queryEndpoint());
    Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
    socket.setSoTimeout(60_000);
    String key = Base64.getEncoder().encodeToString(new byte[16]);
    String request =
        "GET /loki/api/v1/tail?query=%7Bservice_name%3D%22tailed%22%7D HTTP/1.1\r\n"
            + "Host: "
            + endpoint.getAuthority()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Key: "
            + key
            + "\r\nX-Scope-OrgID: acme\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(US_ASCII));
    String head = readHead(new DataInputStream(socket.getInputStream()));
    assertThat(head).startsWith("HTTP/1.1 101");
    return socket;
  }

  private static String readHead(DataInputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(US_ASCII).endsWith("\r\n\r\n")) {
      head.write(in.readUnsignedByte());
    }
    return head.toString(US_ASCII);
  }

  /** A masked close frame with {@code code}, as a client must send it. */
  private static void sendClose(OutputStream out, int code) throws IOException {
    byte[] mask = {0x11, 0x22, 0x33, 0x44};
    byte[] payload = {(byte) (code >> 8), (byte) code};
    out.write(0x80 | OPCODE_CLOSE);
    out.write(0x80 | payload.length);
    out.write(mask);
    for (int i = 0; i < payload.length; i++) {
      out.write(payload[i] ^ mask[i % 4]);
    }
    out.flush();
  }

  /** Reads server frames (text frames of the tail may come first) up to a close frame's code. */
  private static int closeCodeBeforeEnd(DataInputStream in) throws IOException {
    while (true) {
      int first;
      try {
        first = in.readUnsignedByte();
      } catch (EOFException e) {
        throw new AssertionError("the connection ended without a close frame", e);
      }
      int opcode = first & 0x0F;
      long length = in.readUnsignedByte() & 0x7F;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = new byte[Math.toIntExact(length)];
      in.readFully(payload);
      if (opcode == OPCODE_CLOSE) {
        assertThat(payload.length).as("close payload").isGreaterThanOrEqualTo(2);
        return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
      }
      assertThat(opcode).as("opcode of a frame before the close").isEqualTo(OPCODE_TEXT);
    }
  }
}

package io.icegate.rules.model;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What a namespace or group name may be. Names reach object keys (encoded, never raw) and are shown
 * by Grafana, so anything that could confuse a path or a terminal is refused: empty names, {@code
 * .} and {@code ..}, {@code /} and {@code \} (also when sent percent-encoded), control characters,
 * and more than {@link #MAX_BYTES} UTF-8 bytes. Mimir and Loki accept any string here; see
 * docs/alerting.md for why IceGate is stricter.
 */
public final class RuleNames {
  /** Longest name, in UTF-8 bytes. */
  public static final int MAX_BYTES = 256;

  private RuleNames() {}

  /**
   * Returns {@code name} if it is acceptable as a {@code what} ("namespace", "group").
   *
   * @throws InvalidRuleException saying what is wrong with it
   */
  public static String check(String what, String name) {
    if (name == null || name.isEmpty()) {
      throw new InvalidRuleException("Cannot accept rules: " + what + " name is empty");
    }
    if (name.equals(".") || name.equals("..")) {
      throw invalid(what, name, "is '" + name + "'");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw invalid(what, name, "is longer than " + MAX_BYTES + " bytes");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\') {
        throw invalid(what, name, "contains '" + c + "' at " + i);
      }
      if (Character.isISOControl(c)) {
        throw invalid(what, name, "contains a control character at " + i);
      }
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c)
              && i + 1 < name.length()
              && Character.isLowSurrogate(name.charAt(i + 1)))
          && !(Character.isLowSurrogate(c)
              && i > 0
              && Character.isHighSurrogate(name.charAt(i - 1)))) {
        throw invalid(what, name, "is not valid Unicode");
      }
    }
    return name;
  }

  /**
   * Decodes one percent-encoded path segment as Go's {@code url.PathUnescape} ({@code +} stays a
   * plus), then checks it as a name.
   *
   * @throws InvalidRuleException for a malformed escape, bytes that are not UTF-8, or a bad name
   */
  public static String fromPathSegment(String what, String raw) {
    ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
          throw new InvalidRuleException(
              "Cannot accept rules: malformed percent-escape in "
                  + what
                  + " '"
                  + printable(raw)
                  + "'");
        }
        bytes.put((byte) (hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2))));
        i += 2;
      } else {
        int codePoint = raw.codePointAt(i);
        bytes.put(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint) - 1;
      }
    }
    bytes.flip();
    String name;
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(bytes);
      name = chars.toString();
    } catch (CharacterCodingException e) {
      throw new InvalidRuleException(
          "Cannot accept rules: " + what + " '" + printable(raw) + "' is not UTF-8");
    }
    return check(what, name);
  }

  /** {@code text} safe to quote in a message: control characters escaped, long text cut. */
  public static String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < 120; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.length() >= 120 ? out + "..." : out.toString();
  }

  private static InvalidRuleException invalid(String what, String name, String why) {
    return new InvalidRuleException(
        "Cannot accept rules: invalid " + what + " name '" + printable(name) + "': " + why);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}

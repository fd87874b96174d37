package io.icegate.lake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {
  @Test
  void acceptsRelativeKeysOfAnyDepthAndScript() {
    for (String key :
        List.of("a", "a/b", "catalog/root/v00000000000000000001.json", "ключ/日本/é", ".hidden/x")) {
      assertThat(ObjectKeys.checkKey(key)).isEqualTo(key);
    }
  }

  @Test
  void rejectsKeysThatAreNotPlainRelativePaths() {
    assertRejected("", "Invalid object key: empty");
    assertRejected(null, "Invalid object key: empty");
    assertRejected("a/", "Invalid object key 'a/': ends with '/'");
    assertRejected("/a", "Invalid object key '/a': leading '/'");
    assertRejected("a//b", "Invalid object key 'a//b': empty segment");
    assertRejected("..", "Invalid object key '..': '..' segment");
    assertRejected("a/../b", "Invalid object key 'a/../b': '..' segment");
    assertRejected("./a", "Invalid object key './a': '.' segment");
    assertRejected("a\nb", "Invalid object key 'a\nb': control character or backslash at 1");
    assertRejected("a\\b", "Invalid object key 'a\\b': control character or backslash at 1");
  }

  @Test
  void rejectsKeysLongerThan1024Utf8Bytes() {
    assertThat(ObjectKeys.checkKey("é".repeat(512))).hasSize(512);
    String tooLong = "é".repeat(513);
    assertRejected(
        tooLong, "Invalid object key '" + "é".repeat(64) + "...': longer than 1024 bytes");
  }

  @Test
  void prefixesMayBeEmptyOrEndWithSlash() {
    assertThat(ObjectKeys.checkPrefix("")).isEmpty();
    assertThat(ObjectKeys.checkPrefix("wal/")).isEqualTo("wal/");
    assertThat(ObjectKeys.checkPrefix("wal/logs/00")).isEqualTo("wal/logs/00");
    assertThatThrownBy(() -> ObjectKeys.checkPrefix("/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid object prefix '/': leading '/'");
    assertThatThrownBy(() -> ObjectKeys.checkPrefix("a//"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid object key 'a/': empty segment");
    assertThatThrownBy(() -> ObjectKeys.checkPrefix(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid object prefix: null");
  }

  @Test
  void orderIsUnsignedUtf8ByteOrder() {
    List<String> keys =
        new ArrayList<>(List.of("b", "a\uD83D\uDE00", "a\uE000", "a/", "a-", "a", "A", "é"));
    keys.sort(ObjectKeys.ORDER);
    assertThat(keys).containsExactly("A", "a", "a-", "a/", "a\uE000", "a\uD83D\uDE00", "b", "é");
    assertThat(ObjectKeys.ORDER.compare("v00000000000000000009", "v00000000000000000010"))
        .isNegative();
    assertThat(ObjectKeys.ORDER.compare("same", "same")).isZero();
  }

  private static void assertRejected(String key, String message) {
    assertThatThrownBy(() -> ObjectKeys.checkKey(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void orderIsUtf8ByteOrderForRandomKeys() {
    java.util.Random random = new java.util.Random(42);
    int[] pool = {
      'a', 'z', '/', 0x7f, 0xe9, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0x10000, 0x1f600
    };
    for (int round = 0; round < 20_000; round++) {
      String a = randomKey(random, pool);
      String b = randomKey(random, pool);
      int bytes =
          java.util.Arrays.compareUnsigned(
              a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              b.getBytes(java.nio.charset.StandardCharsets.UTF_8));

      assertThat(Integer.signum(ObjectKeys.ORDER.compare(a, b)))
          .as("%s vs %s", a, b)
          .isEqualTo(Integer.signum(bytes));
    }
  }

  private static String randomKey(java.util.Random random, int[] pool) {
    StringBuilder key = new StringBuilder();
    for (int i = random.nextInt(4); i >= 0; i--) {
      key.appendCodePoint(pool[random.nextInt(pool.length)]);
    }
    return key.toString();
  }
}

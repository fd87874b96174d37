package io.icegate.query.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelReplaceTest {
  private static final Labels API = Labels.of("service", "api-server", "env", "prod");

  @Test
  void replacesWithGroupReferences() {
    assertThat(new LabelReplace("svc", "$1", "service", "(.*)-server").apply(API))
        .isEqualTo(API.with("svc", "api"));
    assertThat(new LabelReplace("svc", "${1}x-$2", "service", "(.*)-(.*)").apply(API).get("svc"))
        .isEqualTo("apix-server");
    assertThat(new LabelReplace("svc", "<$name>", "service", "(?<name>[a-z]+)-.*").apply(API))
        .isEqualTo(API.with("svc", "<api>"));
  }

  @Test
  void goExpansionRules() {
    // $1x is the (absent) group named "1x", so it expands to nothing; $$ is a dollar.
    assertThat(new LabelReplace("d", "$1x|$$|$9", "service", "(.*)").apply(API).get("d"))
        .isEqualTo("|$|");
  }

  @Test
  void regexIsAnchoredAndNoMatchLeavesSampleAlone() {
    assertThat(new LabelReplace("svc", "$1", "service", "api").apply(API)).isSameAs(API);
    List<Sample> out =
        new LabelReplace("svc", "x", "missing", "").apply(List.of(new Sample(API, 3)));
    assertThat(out).containsExactly(new Sample(API.with("svc", "x"), 3));
  }

  @Test
  void emptyReplacementRemovesDestination() {
    assertThat(new LabelReplace("env", "", "service", ".*").apply(API))
        .isEqualTo(Labels.of("service", "api-server"));
  }

  @Test
  void rejectsBadDestinationAndRegex() {
    assertThatThrownBy(() -> new LabelReplace("1bad", "", "a", ".*"))
        .hasMessage("invalid destination label name in label_replace(): 1bad");
    assertThatThrownBy(() -> new LabelReplace("ok", "", "a", "("))
        .hasMessage(
            "invalid regular expression in label_replace(): error parsing regexp: missing closing ): `(`");
  }
}

package io.icegate.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** A Prometheus rule file: {@code groups:} and nothing else. */
public record RuleFile(List<RuleGroup> groups) {
  @JsonCreator
  public RuleFile(@JsonProperty("groups") @Nullable List<RuleGroup> groups) {
    this.groups = groups == null ? List.of() : List.copyOf(groups);
  }
}

package io.icegate.query.logql.pipeline;

import com.google.re2j.Matcher;
import io.icegate.query.regex.GoRegex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code | regexp "re"}: each named group of the first match becomes a parsed label (a group that
 * did not take part gives ""). A line that does not match is kept unchanged.
 */
public final class RegexpParserStage implements Stage {
  private final Matcher matcher;
  private final int[] groups;
  private final String[] names;

  public RegexpParserStage(String expression) {
    GoRegex regex = GoRegex.compile(expression);
    List<Integer> indexes = new ArrayList<>();
    List<String> labelNames = new ArrayList<>();
    Set<String> unique = new HashSet<>();
    List<String> groupNames = regex.groupNames();
    for (int i = 0; i < groupNames.size(); i++) {
      String name = groupNames.get(i);
      if (name == null) {
        continue;
      }
      if (!LabelNames.isValid(name)) {
        throw new IllegalArgumentException("invalid extracted label name '" + name + "'");
      }
      if (!unique.add(name)) {
        throw new IllegalArgumentException("duplicate extracted label name '" + name + "'");
      }
      indexes.add(i);
      labelNames.add(name);
    }
    if (labelNames.isEmpty()) {
      throw new IllegalArgumentException("at least one named capture must be supplied");
    }
    this.matcher = regex.matcher("");
    this.groups = indexes.stream().mapToInt(Integer::intValue).toArray();
    this.names = labelNames.toArray(new String[0]);
  }

  @Override
  public String process(long timestampNanos, String line, LabelsBuilder labels) {
    if (!matcher.reset(line).find()) {
      return line;
    }
    for (int i = 0; i < groups.length; i++) {
      String value = matcher.group(groups[i] + 1);
      String name = LabelNames.parsedName(labels, LabelNames.sanitize(names[i], true));
      LabelNames.setExtracted(labels, name, value == null ? "" : value);
    }
    return line;
  }
}

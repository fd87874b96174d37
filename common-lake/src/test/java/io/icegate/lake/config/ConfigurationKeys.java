package io.icegate.lake.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys the documentation names and the ones the code reads, for the per-module
 * configuration tests: every documented key must be read, and binding a key to its documented
 * default must give what binding nothing gives. A name in backquotes that is not a setting (a table
 * property, a meter) is listed in {@code NOT_SETTINGS}.
 */
public final class ConfigurationKeys {
  // A key in backquotes anywhere in the text; placeholders such as <token> are kept.
  private static final Pattern KEY = Pattern.compile("`(icegate\\.[a-z0-9.<>_-]+[a-z0-9>])`");
  // A table row: | `key` | `default` | … (only single literal defaults are checked).
  private static final Pattern ROW =
      Pattern.compile("^\\|\\s*`(icegate\\.[a-z0-9._-]+)`\\s*\\|\\s*`([^`<>|]+)`\\s*\\|");

  private ConfigurationKeys() {}

  /** The repository root: the first folder up from the working directory with a README.md. */
  public static Path repository() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null
        && !(Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "No README.md and docs/ above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  private static List<Path> documents() {
    Path root = repository();
    List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /**
   * Every {@code icegate.*} key named in backquotes in README.md and docs/*.md, but for the names
   * that are not settings (Iceberg table properties and WAL object names of DESIGN.md §6) and the
   * prefixes of other keys ({@code icegate.ingest.limits}).
   */
  public static Set<String> documented() {
    Set<String> names = new TreeSet<>();
    for (Path file : documents()) {
      Matcher m = KEY.matcher(read(file));
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    Set<String> keys = new TreeSet<>();
    for (String name : names) {
      boolean prefix = names.stream().anyMatch(other -> other.startsWith(name + "."));
      if (!prefix && !NOT_SETTINGS.contains(name)) {
        keys.add(name);
      }
    }
    return keys;
  }

  // Iceberg table properties and WAL names (DESIGN.md §6), and Micrometer meters (docs/storage.md).
  private static final Set<String> NOT_SETTINGS =
      Set.of(
          "icegate.wal.offsets",
          "icegate.wal.offsets.base",
          "icegate.wal.batches",
          "icegate.wal.v1",
          "icegate.storage.requests",
          "icegate.storage.latency",
          "icegate.storage.errors",
          "icegate.storage.bytes.read",
          "icegate.storage.bytes.written",
          "icegate.storage.conflicts");

  /** Documented keys with a single literal default in a table row, and that default. */
  public static Map<String, String> documentedDefaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (Path file : documents()) {
      for (String line : read(file).split("\n")) {
        Matcher m = ROW.matcher(line);
        if (m.find()) {
          defaults.putIfAbsent(m.group(1), m.group(2).trim());
        }
      }
    }
    return defaults;
  }

  /**
   * The keys a {@code @ConfigurationProperties} record binds: its prefix and each component in
   * kebab case; a map component also stands for every key below it.
   */
  public static Set<String> read(Class<?>... records) {
    Set<String> keys = new TreeSet<>();
    for (Class<?> type : records) {
      String prefix = type.getAnnotation(ConfigurationProperties.class).value();
      for (RecordComponent component : type.getRecordComponents()) {
        String key = prefix + "." + kebab(component.getName());
        keys.add(Map.class.isAssignableFrom(component.getType()) ? key + ".*" : key);
      }
    }
    return keys;
  }

  /** Whether a documented key (placeholders allowed) is one of the read keys. */
  public static boolean isRead(String documented, Set<String> read) {
    String pattern = Pattern.quote(documented).replaceAll("<[^>]+>", "\\\\E[^.]+\\\\Q");
    for (String key : read) {
      if (key.endsWith(".*")) {
        String base = key.substring(0, key.length() - 2);
        if (documented.startsWith(base + ".")) {
          return true;
        }
      } else if (key.matches(pattern)) {
        return true;
      }
    }
    return false;
  }

  /** The documented keys under one of {@code prefixes} that none of {@code read} binds. */
  public static Set<String> unread(Set<String> read, String... prefixes) {
    Set<String> unread = new TreeSet<>();
    for (String key : documented()) {
      for (String prefix : prefixes) {
        if (key.startsWith(prefix) && !isRead(key, read)) {
          unread.add(key);
        }
      }
    }
    return unread;
  }

  /**
   * The documented defaults of a record's keys that differ from the real ones: the bean bound with
   * the key set to its documented default must equal the bean bound from {@code base} alone (the
   * properties a service's context needs to start).
   */
  public static Map<String, String> wrongDefaults(Map<String, Object> base, Class<?> record) {
    Object unset;
    try (ApplicationContext context = ApplicationContext.run(base)) {
      unset = context.getBean(record);
    }
    Map<String, String> wrong = new LinkedHashMap<>();
    String prefix = record.getAnnotation(ConfigurationProperties.class).value() + ".";
    documentedDefaults()
        .forEach(
            (key, value) -> {
              if (!key.startsWith(prefix) || key.substring(prefix.length()).contains(".")) {
                return;
              }
              Map<String, Object> properties = new LinkedHashMap<>(base);
              properties.put(key, value);
              try (ApplicationContext context = ApplicationContext.run(properties)) {
                Object bound = context.getBean(record);
                if (!bound.equals(unset)) {
                  wrong.put(key, value + " binds " + bound + ", the default is " + unset);
                }
              }
            });
    return wrong;
  }

  /** The record as a context started with {@code properties} binds it. */
  public static <T> T bind(Map<String, Object> properties, Class<T> record) {
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      return context.getBean(record);
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

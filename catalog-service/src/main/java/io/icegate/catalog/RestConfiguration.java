package io.icegate.catalog;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;

/**
 * The {@code icegate.rest.*} keys of the REST catalog.
 *
 * @param prefix the path prefix {@code /v1/config} announces (default {@code icegate})
 * @param tableDefault {@code icegate.rest.table-default.<key>}: table properties a new table gets
 *     unless its creator sets them
 * @param tableOverride {@code icegate.rest.table-override.<key>}: table properties every new table
 *     gets, whatever its creator sets
 * @param viewDefault as {@code tableDefault}, for views
 * @param viewOverride as {@code tableOverride}, for views
 */
@ConfigurationProperties("icegate.rest")
public record RestConfiguration(
    @Nullable String prefix,
    @Nullable
        @MapFormat(
            transformation = MapFormat.MapTransformation.FLAT,
            keyFormat = StringConvention.RAW)
        Map<String, String> tableDefault,
    @Nullable
        @MapFormat(
            transformation = MapFormat.MapTransformation.FLAT,
            keyFormat = StringConvention.RAW)
        Map<String, String> tableOverride,
    @Nullable
        @MapFormat(
            transformation = MapFormat.MapTransformation.FLAT,
            keyFormat = StringConvention.RAW)
        Map<String, String> viewDefault,
    @Nullable
        @MapFormat(
            transformation = MapFormat.MapTransformation.FLAT,
            keyFormat = StringConvention.RAW)
        Map<String, String> viewOverride) {
  public static final String DEFAULT_PREFIX = "icegate";

  public RestConfiguration {
    prefix = prefix == null || prefix.isBlank() ? DEFAULT_PREFIX : prefix;
    tableDefault = copy(tableDefault);
    tableOverride = copy(tableOverride);
    viewDefault = copy(viewDefault);
    viewOverride = copy(viewOverride);
  }

  /**
   * The catalog properties {@code /v1/config} returns as {@code defaults}: Iceberg's {@code
   * table-default.*} and {@code view-default.*}, which a client applies unless its own
   * configuration says otherwise.
   */
  public Map<String, String> clientDefaults() {
    Map<String, String> defaults = new HashMap<>();
    tableDefault.forEach((k, v) -> defaults.put(CatalogProperties.TABLE_DEFAULT_PREFIX + k, v));
    viewDefault.forEach((k, v) -> defaults.put(CatalogProperties.VIEW_DEFAULT_PREFIX + k, v));
    return defaults;
  }

  /**
   * The catalog properties {@code /v1/config} returns as {@code overrides}: {@code
   * table-override.*} and {@code view-override.*}, which win over the client's configuration.
   */
  public Map<String, String> clientOverrides() {
    Map<String, String> overrides = new HashMap<>();
    tableOverride.forEach((k, v) -> overrides.put(CatalogProperties.TABLE_OVERRIDE_PREFIX + k, v));
    viewOverride.forEach((k, v) -> overrides.put(CatalogProperties.VIEW_OVERRIDE_PREFIX + k, v));
    return overrides;
  }

  private static Map<String, String> copy(Map<String, String> map) {
    return map == null ? Map.of() : Map.copyOf(map);
  }
}

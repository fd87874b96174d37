package io.icegate.lake.tenant;

import java.util.regex.Pattern;

/**
 * A tenant id as it may reach an object key, a partition value or a query filter: 1–64 characters
 * of {@code [A-Za-z0-9_-]} (DESIGN.md §6). Nothing else ever becomes a tenant.
 */
public record TenantId(String value) {
  // Before DEFAULT: static fields initialize in order and the constructor needs the pattern.
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  public static final TenantId DEFAULT = new TenantId("default");

  public TenantId {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "Invalid tenant id '"
              + (value == null ? "" : value.length() > 80 ? value.substring(0, 80) + "..." : value)
              + "': expected 1-64 characters of [A-Za-z0-9_-]");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}

package io.icegate.catalog.rest;

import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.requests.CommitTransactionRequest;
import org.apache.iceberg.rest.requests.CreateNamespaceRequest;
import org.apache.iceberg.rest.requests.CreateTableRequest;
import org.apache.iceberg.rest.requests.CreateViewRequest;
import org.apache.iceberg.rest.requests.RegisterTableRequest;
import org.apache.iceberg.rest.requests.RegisterViewRequest;
import org.apache.iceberg.rest.requests.RenameTableRequest;
import org.apache.iceberg.rest.requests.UpdateTableRequest;

/**
 * The names the REST face accepts for namespace levels, tables and views: 1 to {@value #MAX_LENGTH}
 * characters, no control characters (U+0000 to U+001F, U+007F; U+001F separates namespace levels in
 * paths), and no '/'-separated part that is "." or "..", so a name can never read as a relative
 * path to a tool that maps names to files. Names with '/' or '.' elsewhere stay legal, as in
 * Iceberg. A name outside these rules is a 400 wherever it appears (path or body).
 */
final class RestNames {
  static final int MAX_LENGTH = 255;

  private RestNames() {}

  /** Checks every name a request body carries. */
  static void checkRequest(Object request) {
    if (request instanceof CreateNamespaceRequest create) {
      check(create.namespace());
    } else if (request instanceof CreateTableRequest create) {
      check("table name", create.name());
    } else if (request instanceof CreateViewRequest create) {
      check("view name", create.name());
    } else if (request instanceof RegisterTableRequest register) {
      check("table name", register.name());
    } else if (request instanceof RegisterViewRequest register) {
      check("view name", register.name());
    } else if (request instanceof RenameTableRequest rename) {
      check(rename.source());
      check(rename.destination());
    } else if (request instanceof UpdateTableRequest update && update.identifier() != null) {
      check(update.identifier());
    } else if (request instanceof CommitTransactionRequest transaction) {
      transaction.tableChanges().forEach(RestNames::checkRequest);
    }
  }

  static Namespace check(Namespace namespace) {
    for (String level : namespace.levels()) {
      check("namespace level", level);
    }
    return namespace;
  }

  static TableIdentifier check(TableIdentifier identifier) {
    check(identifier.namespace());
    check("name", identifier.name());
    return identifier;
  }

  static String check(String what, String name) {
    if (name == null || name.isEmpty()) {
      throw new RestJson.BadRequest("Invalid " + what + ": empty");
    }
    if (name.length() > MAX_LENGTH) {
      throw new RestJson.BadRequest(
          "Invalid " + what + ": longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new RestJson.BadRequest(
            "Invalid " + what + " '" + printable(name) + "': control character at " + i);
      }
    }
    for (String part : name.split("/", -1)) {
      if (part.equals(".") || part.equals("..")) {
        throw new RestJson.BadRequest(
            "Invalid " + what + " '" + name + "': '.' and '..' are not allowed as path parts");
      }
    }
    return name;
  }

  private static String printable(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}

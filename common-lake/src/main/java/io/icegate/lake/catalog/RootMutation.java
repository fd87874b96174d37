package io.icegate.lake.catalog;

/**
 * One logical catalog change, applied to the newest state each time a commit (re)tries a root
 * version. It checks its own preconditions against that state and throws Iceberg's exceptions
 * ({@code CommitFailedException} when its table or view changed, {@code AlreadyExistsException},
 * {@code NoSuchTableException}, …) when they no longer hold; that is how a commit that lost a race
 * to changes of other tables rebases, and one that lost to changes of its own does not.
 */
@FunctionalInterface
public interface RootMutation {
  /** The next state, or {@code current} itself when there is nothing to change. */
  CatalogState apply(CatalogState current);
}

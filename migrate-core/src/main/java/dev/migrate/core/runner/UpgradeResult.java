package dev.migrate.core.runner;

import java.util.List;

/**
 * What an upgrade did.
 *
 * @param applied the changesets it applied, in order
 * @param blocked the destructive changesets it left pending, and those that depend on
 * them
 * @param status the status after the upgrade
 */
public record UpgradeResult(List<ChangeSetRef> applied, List<ChangeSetRef> blocked, MigrationStatus status) {

}

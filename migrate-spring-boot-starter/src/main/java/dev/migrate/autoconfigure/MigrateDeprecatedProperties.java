package dev.migrate.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/**
 * The keys of {@link MigrateProperties} from before the {@code migrate.lock.*} and
 * {@code migrate.diff.*} groups: still bound, each to its group's property, and listed as
 * deprecated with its replacement in the configuration metadata.
 */
abstract class MigrateDeprecatedProperties {

	public abstract MigrateLockProperties getLock();

	public abstract MigrateDiffProperties getDiff();

	/**
	 * Return migrate.lock.timeout, which this key sets too.
	 * @return the value
	 * @deprecated since 0.1.0 for removal, in favor of {@code migrate.lock.timeout}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "migrate.lock.timeout", since = "0.1.0")
	public Duration getLockTimeout() {
		return getLock().getTimeout();
	}

	/**
	 * Set migrate.lock.timeout.
	 * @param lockTimeout the value
	 * @deprecated since 0.1.0 for removal, in favor of {@code migrate.lock.timeout}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setLockTimeout(Duration lockTimeout) {
		getLock().setTimeout(lockTimeout);
	}

	/**
	 * Return migrate.lock.table-timeout, which this key sets too.
	 * @return the value
	 * @deprecated since 0.1.0 for removal, in favor of {@code migrate.lock.table-timeout}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "migrate.lock.table-timeout", since = "0.1.0")
	public Duration getStatementLockTimeout() {
		return getLock().getTableTimeout();
	}

	/**
	 * Set migrate.lock.table-timeout.
	 * @param statementLockTimeout the value
	 * @deprecated since 0.1.0 for removal, in favor of {@code migrate.lock.table-timeout}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setStatementLockTimeout(Duration statementLockTimeout) {
		getLock().setTableTimeout(statementLockTimeout);
	}

	/**
	 * Return migrate.lock.statement-timeout, which this key sets too.
	 * @return the value
	 * @deprecated since 0.1.0 for removal, in favor of
	 * {@code migrate.lock.statement-timeout}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "migrate.lock.statement-timeout", since = "0.1.0")
	public Duration getStatementTimeout() {
		return getLock().getStatementTimeout();
	}

	/**
	 * Set migrate.lock.statement-timeout.
	 * @param statementTimeout the value
	 * @deprecated since 0.1.0 for removal, in favor of
	 * {@code migrate.lock.statement-timeout}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setStatementTimeout(Duration statementTimeout) {
		getLock().setStatementTimeout(statementTimeout);
	}

	/**
	 * Return migrate.lock.retry-for, which this key sets too.
	 * @return the value
	 * @deprecated since 0.1.0 for removal, in favor of {@code migrate.lock.retry-for}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "migrate.lock.retry-for", since = "0.1.0")
	public Duration getLockRetryFor() {
		return getLock().getRetryFor();
	}

	/**
	 * Set migrate.lock.retry-for.
	 * @param lockRetryFor the value
	 * @deprecated since 0.1.0 for removal, in favor of {@code migrate.lock.retry-for}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setLockRetryFor(Duration lockRetryFor) {
		getLock().setRetryFor(lockRetryFor);
	}

	/**
	 * Return migrate.diff.allow-destructive, which this key sets too.
	 * @return the value
	 * @deprecated since 0.1.0 for removal, in favor of
	 * {@code migrate.diff.allow-destructive}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "migrate.diff.allow-destructive", since = "0.1.0")
	public boolean isAllowDestructive() {
		return getDiff().isAllowDestructive();
	}

	/**
	 * Set migrate.diff.allow-destructive.
	 * @param allowDestructive the value
	 * @deprecated since 0.1.0 for removal, in favor of
	 * {@code migrate.diff.allow-destructive}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setAllowDestructive(boolean allowDestructive) {
		getDiff().setAllowDestructive(allowDestructive);
	}

	/**
	 * Return migrate.diff.online, which this key sets too.
	 * @return the value
	 * @deprecated since 0.1.0 for removal, in favor of {@code migrate.diff.online}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "migrate.diff.online", since = "0.1.0")
	public boolean isOnline() {
		return getDiff().isOnline();
	}

	/**
	 * Set migrate.diff.online.
	 * @param online the value
	 * @deprecated since 0.1.0 for removal, in favor of {@code migrate.diff.online}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setOnline(boolean online) {
		getDiff().setOnline(online);
	}

	/**
	 * Return migrate.diff.renames, which this key sets too.
	 * @return the value
	 * @deprecated since 0.1.0 for removal, in favor of {@code migrate.diff.renames}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "migrate.diff.renames", since = "0.1.0")
	public List<String> getRenames() {
		return getDiff().getRenames();
	}

	/**
	 * Set migrate.diff.renames.
	 * @param renames the value
	 * @deprecated since 0.1.0 for removal, in favor of {@code migrate.diff.renames}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setRenames(List<String> renames) {
		getDiff().setRenames(renames);
	}

	/**
	 * Return migrate.diff.not-renames, which this key sets too.
	 * @return the value
	 * @deprecated since 0.1.0 for removal, in favor of {@code migrate.diff.not-renames}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "migrate.diff.not-renames", since = "0.1.0")
	public List<String> getNotRenames() {
		return getDiff().getNotRenames();
	}

	/**
	 * Set migrate.diff.not-renames.
	 * @param notRenames the value
	 * @deprecated since 0.1.0 for removal, in favor of {@code migrate.diff.not-renames}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setNotRenames(List<String> notRenames) {
		getDiff().setNotRenames(notRenames);
	}

	/**
	 * Return migrate.diff.backfills, which this key sets too.
	 * @return the value
	 * @deprecated since 0.1.0 for removal, in favor of {@code migrate.diff.backfills}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "migrate.diff.backfills", since = "0.1.0")
	public List<String> getBackfills() {
		return getDiff().getBackfills();
	}

	/**
	 * Set migrate.diff.backfills.
	 * @param backfills the value
	 * @deprecated since 0.1.0 for removal, in favor of {@code migrate.diff.backfills}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setBackfills(List<String> backfills) {
		getDiff().setBackfills(backfills);
	}

	/**
	 * Return migrate.diff.include-tables, which this key sets too.
	 * @return the value
	 * @deprecated since 0.1.0 for removal, in favor of
	 * {@code migrate.diff.include-tables}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "migrate.diff.include-tables", since = "0.1.0")
	public List<String> getIncludeTables() {
		return getDiff().getIncludeTables();
	}

	/**
	 * Set migrate.diff.include-tables.
	 * @param includeTables the value
	 * @deprecated since 0.1.0 for removal, in favor of
	 * {@code migrate.diff.include-tables}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setIncludeTables(List<String> includeTables) {
		getDiff().setIncludeTables(includeTables);
	}

	/**
	 * Return migrate.diff.exclude-tables, which this key sets too.
	 * @return the value
	 * @deprecated since 0.1.0 for removal, in favor of
	 * {@code migrate.diff.exclude-tables}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "migrate.diff.exclude-tables", since = "0.1.0")
	public List<String> getExcludeTables() {
		return getDiff().getExcludeTables();
	}

	/**
	 * Set migrate.diff.exclude-tables.
	 * @param excludeTables the value
	 * @deprecated since 0.1.0 for removal, in favor of
	 * {@code migrate.diff.exclude-tables}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setExcludeTables(List<String> excludeTables) {
		getDiff().setExcludeTables(excludeTables);
	}

	/**
	 * Return migrate.diff.drop-unmapped, which this key sets too.
	 * @return the value
	 * @deprecated since 0.1.0 for removal, in favor of {@code migrate.diff.drop-unmapped}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "migrate.diff.drop-unmapped", since = "0.1.0")
	public List<String> getDropUnmapped() {
		return getDiff().getDropUnmapped();
	}

	/**
	 * Set migrate.diff.drop-unmapped.
	 * @param dropUnmapped the value
	 * @deprecated since 0.1.0 for removal, in favor of {@code migrate.diff.drop-unmapped}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setDropUnmapped(List<String> dropUnmapped) {
		getDiff().setDropUnmapped(dropUnmapped);
	}

}

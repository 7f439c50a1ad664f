package dev.migrate.core.runner;

import java.sql.SQLException;
import java.util.Optional;

import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.exception.MigrateException;
import liquibase.exception.ChangeLogParseException;
import liquibase.exception.ValidationFailedException;
import org.jspecify.annotations.Nullable;

/**
 * What a failed Liquibase run tells a user: the exceptions Liquibase and the driver
 * throw, turned into a {@link MigrateException} that says what happened and what to do.
 */
final class MigrationFailures {

	private MigrationFailures() {
	}

	/**
	 * Translate a failure of a run.
	 * @param changelog the master changelog
	 * @param dialect the database's dialect, if known by then
	 * @param ex what failed
	 * @param target where the data source points (masked URL and user)
	 */
	static MigrateException translate(String changelog, @Nullable Dialect dialect, Exception ex, String target) {
		if (ex instanceof UpgradeFailure failure) {
			MigrateException translated = (failure.getCause() instanceof MigrateException migration) ? migration
					: translate(changelog, dialect, (Exception) failure.getCause(), target);
			return new MigrateException(translated.getMessage() + " " + failure.applied(), failure.getCause());
		}
		MigrateException ours = find(ex, MigrateException.class);
		if (ours != null) {
			// Ours (e.g. from a listener Liquibase called), already saying what to do.
			return ours;
		}
		ValidationFailedException validation = find(ex, ValidationFailedException.class);
		if (validation != null) {
			return new MigrateException("The changelog " + changelog + " does not validate, nothing was applied: "
					+ validation.getMessage().strip()
					+ (validation.getInvalidMD5Sums().isEmpty() ? ""
							: "\nAn applied changeset was edited after it was applied. Revert the edit, or write"
									+ " the change as a new revision."),
					ex);
		}
		ChangeLogParseException parse = find(ex, ChangeLogParseException.class);
		if (parse != null) {
			// Liquibase names the file that does not parse and the YAML/XML parser's line
			// and column; 4.x writes the file's path with a leading slash, 5.x without,
			// the
			// way it is named in the changelog.
			return new MigrateException("A revision of " + changelog + " cannot be read, nothing was applied: "
					+ parse.getMessage().replace("Syntax error in file /", "Syntax error in file "), ex);
		}
		MigrateException privilege = (dialect != null) ? missingPrivilege(dialect, ex) : null;
		if (privilege != null) {
			return privilege;
		}
		MigrateException pooler = (dialect != null) ? poolerLimit(dialect, ex) : null;
		if (pooler != null) {
			return pooler;
		}
		if (ex instanceof SQLException) {
			return new MigrateException("Cannot migrate " + changelog + " on " + target + ": " + ex.getMessage()
					+ ". Nothing was applied. Check that the database is reachable at that URL and that the user and"
					+ " password are right (migrate.url, migrate.user and migrate.password, or the application's"
					+ " data source), then start again.", ex);
		}
		return new MigrateException("Migration of " + changelog + " on " + target + " failed: " + rootMessage(ex)
				+ ". The failing changeset was rolled back where the database allows it (a changeset that runs"
				+ " outside a transaction keeps what it did). Fix what the database reports, in the database or in a"
				+ " revision not yet applied anywhere, then upgrade again.", ex);
	}

	private static @Nullable MigrateException missingPrivilege(Dialect dialect, Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				Optional<String> privilege = dialect.missingPrivilege(sql);
				if (privilege.isPresent()) {
					return new MigrateException("The database user lacks a privilege the migration needs: "
							+ privilege.get() + ". Grant it, or set migrate.user and migrate.password to a user that"
							+ " has it. (" + sql.getMessage().strip() + ")", ex);
				}
			}
		}
		return null;
	}

	private static @Nullable MigrateException poolerLimit(Dialect dialect, Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				Optional<String> limit = dialect.locking().poolerLimit(sql);
				if (limit.isPresent()) {
					return new MigrateException("Cannot migrate through a connection pooler: " + limit.get()
							+ ". Set migrate.url (with migrate.user and migrate.password) to a direct connection to"
							+ " the database, not through the pooler; the application keeps its own URL.", ex);
				}
			}
		}
		return null;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root == ex) ? String.valueOf(ex.getMessage()) : ex.getMessage() + " (" + root.getMessage() + ")";
	}

	static <E extends Throwable> @Nullable E find(Throwable ex, Class<E> type) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

}

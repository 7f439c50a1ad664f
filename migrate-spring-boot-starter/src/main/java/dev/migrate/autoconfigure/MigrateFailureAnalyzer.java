package dev.migrate.autoconfigure;

import java.sql.SQLException;

import dev.migrate.core.Migrate.SchemaMismatchException;
import dev.migrate.core.PossibleRenameException;
import dev.migrate.core.exception.MigrateException;
import liquibase.exception.ValidationFailedException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed start by Migrate into a description of what happened and the action to
 * take, as Spring Boot does for its own startup failures.
 */
class MigrateFailureAnalyzer extends AbstractFailureAnalyzer<MigrateException> {

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrateException cause) {
		return new FailureAnalysis(
				"Migrate failed to bring the database up to date at startup:\n\n" + cause.getMessage(), action(cause),
				cause);
	}

	static String action(MigrateException ex) {
		if (ex instanceof PossibleRenameException) {
			return "Confirm each rename with migrate.diff.renames (or @dev.migrate.mapping.RenamedFrom on the entity member,"
					+ " or a MigrateCustomizer bean), or deny it with migrate.diff.not-renames, then start again.";
		}
		if (ex instanceof SchemaMismatchException) {
			return "Generate a revision for the differences (start in auto mode in development, or run with"
					+ " --migrate.command=generate), review and commit it, and deploy it.";
		}
		if (ex instanceof MigrationDataSource.AmbiguousDataSourceException) {
			return "Mark the DataSource bean to migrate with @" + MigrateDataSource.class.getName()
					+ " (or make one @Primary), or set migrate.url, migrate.user and migrate.password to migrate"
					+ " another database.";
		}
		if (ex instanceof ApplicationPrivileges.MissingApplicationPrivilegesException) {
			return "Run the statements above as the owner or a superuser (or in a revision), then start again; or set"
					+ " migrate.check-application-privileges=false if the application is not meant to use those"
					+ " tables and sequences.";
		}
		if (ex instanceof PendingRevisionsException) {
			return "Apply the pending revisions before starting in validate mode (run with --migrate.command=upgrade,"
					+ " or start with migrate.mode=apply).";
		}
		if (DataSourceDescription.isConnectionFailure(ex)) {
			return "Check that the database is running and reachable at that address, and the credentials"
					+ " (spring.datasource.*, or migrate.url, migrate.user and migrate.password).";
		}
		if (hasSqlState(ex, INSUFFICIENT_PRIVILEGE)) {
			return "Grant the privilege to the user Migrate logs in as, or set migrate.user and migrate.password to a"
					+ " user that has it (without migrate.url, Migrate logs in to the application's database as that"
					+ " user).";
		}
		ValidationFailedException validation = find(ex, ValidationFailedException.class);
		if (validation != null && !validation.getInvalidMD5Sums().isEmpty()) {
			return "An applied revision was edited: revert the edit (applied revisions must not change), and write"
					+ " the change as a new revision.";
		}
		return "Fix the cause above and start again; set migrate.mode=none to start without migrating.";
	}

	private static boolean hasSqlState(Throwable ex, String state) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private static <E extends Throwable> @Nullable E find(Throwable ex, Class<E> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}

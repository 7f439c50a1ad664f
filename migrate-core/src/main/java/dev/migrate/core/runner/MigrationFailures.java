package dev.migrate.core.runner;

import java.sql.SQLException;

import liquibase.exception.ChangeLogParseException;
import liquibase.exception.ValidationFailedException;
import org.jspecify.annotations.Nullable;

/**
 * What a failed Liquibase run tells a user: the exceptions Liquibase and the driver
 * throw, turned into a {@link MigrationException} that says what happened and what to do.
 */
final class MigrationFailures {

	private MigrationFailures() {
	}

	static MigrationException translate(String changelog, Exception ex) {
		ValidationFailedException validation = find(ex, ValidationFailedException.class);
		if (validation != null) {
			return new MigrationException("The changelog " + changelog + " does not validate, nothing was applied: "
					+ validation.getMessage().strip()
					+ (validation.getInvalidMD5Sums().isEmpty() ? ""
							: "\nAn applied changeset was edited after it was applied. Revert the edit, or write"
									+ " the change as a new revision."),
					ex);
		}
		ChangeLogParseException parse = find(ex, ChangeLogParseException.class);
		if (parse != null) {
			// Liquibase names the file that does not parse and the YAML/XML parser's line
			// and column.
			return new MigrationException(
					"A revision of " + changelog + " cannot be read, nothing was applied: " + parse.getMessage(), ex);
		}
		MigrationException privilege = MissingPrivilege.describe(ex);
		if (privilege != null) {
			return privilege;
		}
		if (ex instanceof SQLException) {
			return new MigrationException("Cannot migrate: " + ex.getMessage(), ex);
		}
		return new MigrationException("Migration of " + changelog + " failed: " + rootMessage(ex), ex);
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

package dev.migrate.core.runner;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Turns PostgreSQL's {@code insufficient_privilege} errors into a message that names the
 * privilege the migration user lacks and what to do about it.
 */
final class MissingPrivilege {

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	private static final Pattern SCHEMA = Pattern.compile("permission denied for schema (\\S+)");

	private static final Pattern OWNER = Pattern.compile("must be owner of (\\w+(?: \\w+)?) (\\S+)");

	private static final Pattern OBJECT = Pattern.compile("permission denied for (\\w+) (\\S+)");

	private MissingPrivilege() {
	}

	static @Nullable MigrationException describe(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())) {
				return new MigrationException("The database user lacks a privilege the migration needs: "
						+ privilege(String.valueOf(sql.getMessage())) + ". Grant it, or set migrate.user and"
						+ " migrate.password to a user that has it. (" + sql.getMessage().strip() + ")", ex);
			}
		}
		return null;
	}

	static String privilege(String message) {
		Matcher schema = SCHEMA.matcher(message);
		if (schema.find()) {
			return "CREATE on schema " + schema.group(1);
		}
		Matcher owner = OWNER.matcher(message);
		if (owner.find()) {
			return "ownership of " + owner.group(1) + " " + owner.group(2);
		}
		Matcher object = OBJECT.matcher(message);
		if (object.find()) {
			return "access to " + object.group(1) + " " + object.group(2);
		}
		return "a privilege PostgreSQL did not name";
	}

}

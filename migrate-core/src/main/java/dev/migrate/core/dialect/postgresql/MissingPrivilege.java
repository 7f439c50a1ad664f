package dev.migrate.core.dialect.postgresql;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads from PostgreSQL's {@code insufficient_privilege} errors the privilege the
 * migration user lacks.
 */
final class MissingPrivilege {

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	private static final Pattern SCHEMA = Pattern.compile("permission denied for schema (\\S+)");

	private static final Pattern OWNER = Pattern.compile("must be owner of (\\w+(?: \\w+)?) (\\S+)");

	private static final Pattern OBJECT = Pattern.compile("permission denied for (\\w+) (\\S+)");

	private MissingPrivilege() {
	}

	static Optional<String> of(SQLException ex) {
		return INSUFFICIENT_PRIVILEGE.equals(ex.getSQLState()) ? Optional.of(privilege(String.valueOf(ex.getMessage())))
				: Optional.empty();
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

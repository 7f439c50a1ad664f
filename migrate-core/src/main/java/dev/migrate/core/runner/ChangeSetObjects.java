package dev.migrate.core.runner;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.custom.CustomChangeWrapper;
import liquibase.changelog.ChangeSet;
import org.jspecify.annotations.Nullable;

/**
 * The database objects a changeset touches (tables, sequences, indexes, constraints, by
 * name), so that an upgrade holds back only what depends on a held-back destructive
 * changeset, not everything after it.
 */
final class ChangeSetObjects {

	private static final String[] GETTERS = { "getTableName", "getBaseTableName", "getReferencedTableName",
			"getOldTableName", "getNewTableName", "getSequenceName", "getIndexName", "getConstraintName" };

	private static final String PART = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)";

	/** An object named after a keyword of DDL or DML, possibly qualified. */
	private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:TABLE|ON|REFERENCES|INTO|UPDATE|FROM|SEQUENCE"
			+ "|TYPE|INDEX|CONSTRAINT|CONCURRENTLY|EXISTS|ONLY|COLUMN)\\s+(" + PART + "(?:\\s*\\.\\s*" + PART
			+ "){0,2})");

	private ChangeSetObjects() {
	}

	/**
	 * Return the names of the objects a changeset touches.
	 * @param changeSet the changeset
	 * @return the names, or {@code null} if some of its changes cannot tell (SQL that
	 * names nothing Migrate recognizes, a custom change)
	 */
	static @Nullable Set<String> of(ChangeSet changeSet) {
		Set<String> names = new TreeSet<>();
		for (Change change : changeSet.getChanges()) {
			if (change instanceof CustomChangeWrapper) {
				return null;
			}
			if (change instanceof AbstractSQLChange sql) {
				if (!addFromSql(sql, names)) {
					return null;
				}
				continue;
			}
			for (String getter : GETTERS) {
				String name = call(change, getter);
				if (name != null) {
					names.add(name.toLowerCase(Locale.ROOT));
				}
			}
		}
		return names;
	}

	private static boolean addFromSql(AbstractSQLChange change, Set<String> names) {
		String sql;
		try {
			sql = change.getSql();
		}
		catch (RuntimeException ex) {
			return false;
		}
		if (sql == null) {
			return false;
		}
		Matcher matcher = NAMED.matcher(sql);
		boolean found = false;
		while (matcher.find()) {
			String[] parts = matcher.group(1).split("\\s*\\.\\s*(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
			// schema.table or schema.table.column: the table; a bare name: itself.
			String name = (parts.length == 1) ? parts[0] : parts[1];
			if (!name.isEmpty() && !isKeyword(name)) {
				names.add(unquoted(name));
				found = true;
			}
		}
		return found;
	}

	private static boolean isKeyword(String name) {
		return Set.of("if", "not", "exists", "only", "table", "column", "concurrently", "delete", "update", "set")
			.contains(name.toLowerCase(Locale.ROOT));
	}

	private static String unquoted(String name) {
		return name.startsWith("\"")
				? name.substring(1, name.length() - 1).replace("\"\"", "\"").toLowerCase(Locale.ROOT)
				: name.toLowerCase(Locale.ROOT);
	}

	private static @Nullable String call(Change change, String getter) {
		try {
			Method method = change.getClass().getMethod(getter);
			Object value = method.invoke(change);
			return (value instanceof String name && !name.isBlank()) ? name : null;
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

}

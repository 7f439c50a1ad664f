package dev.migrate.core.runner;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.migrate.core.dialect.Dialect;
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

	private ChangeSetObjects() {
	}

	/**
	 * Return the names of the objects a changeset touches.
	 * @param changeSet the changeset
	 * @param dialect the database's dialect, which reads the names in SQL changes
	 * @return the names, or {@code null} if some of its changes cannot tell (SQL that
	 * names nothing Migrate recognizes, a custom change)
	 */
	static @Nullable Set<String> of(ChangeSet changeSet, Dialect dialect) {
		Set<String> names = new TreeSet<>();
		for (Change change : changeSet.getChanges()) {
			if (change instanceof CustomChangeWrapper) {
				return null;
			}
			if (change instanceof AbstractSQLChange sql) {
				if (!addFromSql(sql, names, dialect)) {
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

	private static boolean addFromSql(AbstractSQLChange change, Set<String> names, Dialect dialect) {
		String sql;
		try {
			sql = change.getSql();
		}
		catch (RuntimeException ex) {
			return false;
		}
		Set<String> touched = (sql != null) ? dialect.namesTouchedBy(sql) : null;
		if (touched == null) {
			return false;
		}
		names.addAll(touched);
		return true;
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

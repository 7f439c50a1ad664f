package dev.migrate.core.dialect.postgresql;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The names a SQL script gives or touches, read from PostgreSQL's DDL keywords: what a
 * generated revision's SQL creates (so that the diff knows the entities declared it), and
 * what any changeset's SQL touches (so that holding one back holds back those that depend
 * on it).
 */
final class SqlObjectNames {

	private static final String NAME = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)";

	private static final Pattern CREATED = Pattern
		.compile("(?i)\\bCREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+" + "(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?"
				+ NAME + "|\\bADD\\s+CONSTRAINT\\s+" + NAME + "|\\bRENAME\\s+(?:CONSTRAINT\\s+\\S+\\s+)?TO\\s+" + NAME);

	private static final String PART = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)";

	/** An object named after a keyword of DDL or DML, possibly qualified. */
	private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:TABLE|ON|REFERENCES|INTO|UPDATE|FROM|SEQUENCE"
			+ "|TYPE|INDEX|CONSTRAINT|CONCURRENTLY|EXISTS|ONLY|COLUMN)\\s+(" + PART + "(?:\\s*\\.\\s*" + PART
			+ "){0,2})");

	private static final Set<String> KEYWORDS = Set.of("if", "not", "exists", "only", "table", "column", "concurrently",
			"delete", "update", "set");

	private SqlObjectNames() {
	}

	/**
	 * Return the names of the indexes and constraints a script creates or renames to, as
	 * the catalog has them (unquoted names folded).
	 */
	static Set<String> created(String sql) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = CREATED.matcher(sql);
		while (matcher.find()) {
			for (int group = 1; group <= matcher.groupCount(); group++) {
				if (matcher.group(group) != null) {
					names.add(stored(matcher.group(group)));
				}
			}
		}
		return names;
	}

	/**
	 * Return the names of the objects a script touches, lower-cased (of a qualified name,
	 * the table's), or {@code null} if it names none this recognizes.
	 */
	static @Nullable Set<String> touched(String sql) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = NAMED.matcher(sql);
		while (matcher.find()) {
			String[] parts = matcher.group(1).split("\\s*\\.\\s*(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
			// schema.table or schema.table.column: the table; a bare name: itself.
			String name = (parts.length == 1) ? parts[0] : parts[1];
			if (!name.isEmpty() && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
				names.add(unquoted(name).toLowerCase(Locale.ROOT));
			}
		}
		return names.isEmpty() ? null : names;
	}

	private static String stored(String name) {
		return name.startsWith("\"") ? unquoted(name) : name.toLowerCase(Locale.ROOT);
	}

	private static String unquoted(String name) {
		return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
	}

}

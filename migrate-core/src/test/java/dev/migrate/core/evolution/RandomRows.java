package dev.migrate.core.evolution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migrate.core.diff.RenameHints;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;
import dev.migrate.testsupport.TestDatabase;

/**
 * Rows in every table of a random schema, with values that every random target's types
 * and constraints accept, and the check that a migration kept them.
 * <p>
 * Values depend only on a column's name without the rename suffix (its type family never
 * changes), so the rows written before a migration say what each column holds after it.
 */
final class RandomRows {

	static final int ROWS = 3;

	/** Columns whose text form survives every type change of their family. */
	private static final Map<String, String[]> KEPT = Map.of("id", new String[] { "1", "2", "3" }, "c0",
			new String[] { "1", "2", "3" }, "c1", new String[] { "r1", "r2", "r3" }, "c4",
			new String[] { "true", "true", "true" }, "c5", new String[] { "00000000-0000-0000-0000-000000000001",
					"00000000-0000-0000-0000-000000000002", "00000000-0000-0000-0000-000000000003" });

	private RandomRows() {
	}

	/**
	 * Delete the rows of some tables (no row references another: foreign key columns are
	 * NULL).
	 */
	static void delete(TestDatabase database, Set<QualifiedName> tables) {
		tables.forEach((table) -> database.execute("DELETE FROM " + table));
	}

	private static String truncate(Collection<QualifiedName> tables) {
		return "TRUNCATE " + tables.stream().map(QualifiedName::toString).collect(Collectors.joining(", ")) + ";";
	}

	/** Replace the rows of every table with {@value #ROWS} known rows. */
	static void write(TestDatabase database, Schema schema) {
		if (schema.tables().isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder(truncate(schema.tables().stream().map(Table::name).toList()));
		for (Table table : schema.tables()) {
			for (int row = 1; row <= ROWS; row++) {
				List<String> names = new ArrayList<>();
				List<String> values = new ArrayList<>();
				for (Column column : table.columns()) {
					String value = value(base(column.name()), row);
					if (value != null) {
						names.add(column.name());
						values.add(value);
					}
				}
				sql.append("INSERT INTO ")
					.append(table.name())
					.append(" (")
					.append(String.join(", ", names))
					.append(") OVERRIDING SYSTEM VALUE VALUES (")
					.append(String.join(", ", values))
					.append(");");
			}
		}
		database.execute(sql.toString());
	}

	/**
	 * Describe the rows that {@code before}'s tables held and that {@code after} should
	 * still hold: for each table both have (through the renames), the text of each kept
	 * column.
	 */
	static Map<String, String> expected(Schema before, Schema after, RenameHints hints, boolean forward) {
		return expected(before, after, hints, forward, Set.of());
	}

	/**
	 * As {@link #expected(Schema, Schema, RenameHints, boolean)}, leaving out some tables
	 * of {@code before}.
	 */
	static Map<String, String> expected(Schema before, Schema after, RenameHints hints, boolean forward,
			Set<QualifiedName> emptied) {
		Map<String, String> expected = new LinkedHashMap<>();
		for (Table table : before.tables()) {
			if (emptied.contains(table.name())) {
				continue;
			}
			QualifiedName name = forward ? hints.tables().getOrDefault(table.name(), table.name())
					: RandomRenames.hintedFrom(hints, table.name());
			Table other = find(after, name);
			if (other == null) {
				continue;
			}
			expected.put("SELECT count(*) FROM " + name, String.valueOf(ROWS));
			for (Column column : table.columns()) {
				String[] kept = KEPT.get(base(column.name()));
				String otherName = renamed(hints, forward ? name : table.name(), column.name(), forward);
				if (kept != null && other.column(otherName).isPresent()) {
					expected.put("SELECT string_agg(" + otherName + "::text, ',' ORDER BY id) FROM " + name,
							String.join(",", kept));
				}
			}
		}
		return expected;
	}

	/** The rows that each query of {@link #expected} finds now. */
	static Map<String, String> actual(TestDatabase database, Map<String, String> expected) {
		Map<String, String> actual = new LinkedHashMap<>();
		expected.keySet().forEach((query) -> actual.put(query, database.queryForString(query)));
		return actual;
	}

	private static String renamed(RenameHints hints, QualifiedName newTable, String column, boolean forward) {
		if (forward) {
			String to = hints.columns().get(new dev.migrate.core.diff.Change.ColumnRef(newTable, column));
			return (to != null) ? to : column;
		}
		return hints.columns()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().table().equals(newTable) && entry.getValue().equals(column))
			.map((entry) -> entry.getKey().column())
			.findFirst()
			.orElse(column);
	}

	private static String value(String column, int row) {
		return switch (column) {
			case "id", "c0" -> String.valueOf(row);
			case "k" -> "1";
			case "c1" -> "'r" + row + "'";
			case "c2" -> "1.5";
			case "c3" -> "'2026-01-02 03:04:05'";
			case "c4" -> "true";
			case "c5" -> "'00000000-0000-0000-0000-00000000000" + row + "'";
			case "c6" -> "'{}'";
			// Enum labels and referenced rows come and go: NULL suits every target.
			default -> null;
		};
	}

	private static String base(String column) {
		return column.endsWith(RandomRenames.SUFFIX)
				? column.substring(0, column.length() - RandomRenames.SUFFIX.length()) : column;
	}

	private static Table find(Schema schema, QualifiedName name) {
		return schema.tables().stream().filter((table) -> table.name().equals(name)).findFirst().orElse(null);
	}

}

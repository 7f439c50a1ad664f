package dev.migrate.core.diff;

import java.util.List;

import dev.migrate.core.schema.Declarations;
import dev.migrate.core.schema.QualifiedName;
import org.jspecify.annotations.Nullable;

/**
 * The values existing rows get in a column that becomes NOT NULL without a default: from
 * configuration ({@code [schema.]table.column=expression}, the table found by name when
 * the schema is left out) or declared by the entities.
 */
final class Backfills {

	private final List<String> entries;

	private final Declarations declared;

	Backfills(List<String> entries, Declarations declared) {
		this.entries = entries;
		this.declared = declared;
	}

	/**
	 * Return the value for the column's existing rows, or {@code null} if none is given.
	 */
	@Nullable String of(QualifiedName table, String column) {
		for (String entry : this.entries) {
			Entry parsed = parse(entry);
			if (parsed != null && parsed.column().equals(column) && parsed.table().equals(table.name())
					&& (parsed.schema() == null || parsed.schema().equals(table.schema()))) {
				return parsed.expression();
			}
		}
		return this.declared.backfills().get(table + "." + column);
	}

	static @Nullable Entry parse(String entry) {
		int equals = entry.indexOf('=');
		if (equals < 0 || entry.substring(equals + 1).isBlank()) {
			return null;
		}
		String[] left = entry.substring(0, equals).strip().split("\\.", -1);
		if (left.length < 2 || left.length > 3 || List.of(left).stream().anyMatch(String::isBlank)) {
			return null;
		}
		return new Entry((left.length == 3) ? left[0].strip() : null, left[left.length - 2].strip(),
				left[left.length - 1].strip(), entry.substring(equals + 1).strip());
	}

	record Entry(@Nullable String schema, String table, String column, String expression) {

	}

}

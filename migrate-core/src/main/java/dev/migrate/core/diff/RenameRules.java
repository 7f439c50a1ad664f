package dev.migrate.core.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.migrate.core.diff.Change.ColumnRef;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;

/**
 * Renames confirmed or denied in text, as a configuration property holds them:
 * {@code [schema.]table.old_column=new_column} for a column,
 * {@code [schema.]old_table=new_table} for a table. Entries name tables as the database
 * and the entities do, so they are resolved against both schemas: {@code a.b=c} renames
 * table {@code a.b} to {@code a.c} when the database has the first and the entities the
 * second, and column {@code b} of table {@code a} to {@code c} otherwise. An entry that
 * matches nothing (e.g. a rename applied long ago) is left alone.
 *
 * @param renames confirmed renames
 * @param notRenames drop/add pairs that are not renames, so that nothing asks about them
 */
public record RenameRules(List<String> renames, List<String> notRenames) {

	public RenameRules {
		renames = List.copyOf(renames);
		notRenames = List.copyOf(notRenames);
		List<String> malformed = new ArrayList<>();
		renames.stream().filter((entry) -> parse(entry) == null).forEach(malformed::add);
		notRenames.stream().filter((entry) -> parse(entry) == null).forEach(malformed::add);
		if (!malformed.isEmpty()) {
			throw new IllegalArgumentException("Cannot read the rename(s) " + malformed
					+ "; write [schema.]table.old_column=new_column for a column or [schema.]old_table=new_table"
					+ " for a table, e.g. users.bio=about");
		}
	}

	/**
	 * Return rules that confirm and deny nothing.
	 * @return no rules
	 */
	public static RenameRules none() {
		return new RenameRules(List.of(), List.of());
	}

	/**
	 * Return the confirmed renames that apply to these schemas.
	 */
	RenameHints confirmed(Schema actual, Schema desired) {
		return resolve(this.renames, actual, desired);
	}

	/**
	 * Return whether a possible rename has been denied.
	 */
	boolean denies(PossibleRename rename, Schema actual, Schema desired) {
		RenameHints denied = resolve(this.notRenames, actual, desired);
		if (rename.from() != null) {
			return rename.to().equals(denied.columns().get(new ColumnRef(rename.table(), rename.from())));
		}
		return new QualifiedName(rename.table().schema(), rename.to()).equals(denied.tables().get(rename.table()));
	}

	private static RenameHints resolve(List<String> entries, Schema actual, Schema desired) {
		RenameHints hints = RenameHints.none();
		for (String entry : entries) {
			Entry parsed = Objects.requireNonNull(parse(entry));
			List<String> left = parsed.left();
			if (left.size() == 3) {
				hints = hints.column(new QualifiedName(left.get(0), left.get(1)), left.get(2), parsed.to());
				continue;
			}
			if (left.size() == 2) {
				QualifiedName from = new QualifiedName(left.get(0), left.get(1));
				QualifiedName to = new QualifiedName(left.get(0), parsed.to());
				if (actual.table(from).isPresent() && desired.table(to).isPresent()) {
					hints = hints.table(from, to);
					continue;
				}
				for (Table table : named(desired, left.get(0))) {
					hints = hints.column(table.name(), left.get(1), parsed.to());
				}
				continue;
			}
			for (Table table : named(actual, left.get(0))) {
				hints = hints.table(table.name(), new QualifiedName(table.name().schema(), parsed.to()));
			}
		}
		return hints;
	}

	private static List<Table> named(Schema schema, String name) {
		return schema.tables().stream().filter((table) -> table.name().name().equals(name)).toList();
	}

	private static Entry parse(String entry) {
		int equals = entry.indexOf('=');
		if (equals < 0) {
			return null;
		}
		List<String> left = List.of(entry.substring(0, equals).strip().split("\\.", -1));
		String to = entry.substring(equals + 1).strip();
		if (left.size() > 3 || to.isEmpty() || to.contains(".") || to.contains("=")
				|| left.stream().anyMatch(String::isEmpty)) {
			return null;
		}
		return new Entry(left.stream().map(String::strip).toList(), to);
	}

	private record Entry(List<String> left, String to) {

	}

}

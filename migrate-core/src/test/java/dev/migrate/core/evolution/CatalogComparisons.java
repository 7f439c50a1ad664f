package dev.migrate.core.evolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.RenameHints;
import dev.migrate.core.diff.TableChange;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.testsupport.CatalogText;
import dev.migrate.testsupport.TestDatabase;

/**
 * What of {@link CatalogText} an upgrade and its downgrade can restore: the order of
 * columns a downgrade adds back, and implicit names after renames, are left out where
 * PostgreSQL cannot put them back.
 */
final class CatalogComparisons {

	private static final Pattern NOT_NULL = Pattern.compile("constraint \\w+\\.(\\w+) (\\w+) NOT NULL (\\w+)");

	private static final Pattern IDENTITY_SEQUENCE = Pattern
		.compile("sequence \\w+\\.(\\w+) .* owned by i column (\\w+) of table (?:\\w+\\.)?(\\w+)");

	private CatalogComparisons() {
	}

	/**
	 * Return the lines that describe every schema of a database, sorted.
	 * @param database the database
	 * @return the lines
	 */
	static List<String> of(TestDatabase database) {
		return CatalogText.lines(database);
	}

	/**
	 * Return the lines with the given columns left out of their tables' column order
	 * (each column keeps its own line): for comparing a table after a downgrade added
	 * back columns that the upgrade dropped. PostgreSQL adds a column after the others
	 * and cannot move it, so only the order of the others can be what it was.
	 * @param lines the lines
	 * @param columns the columns to leave out of the order
	 * @return the lines
	 */
	static List<String> withoutColumnOrderOf(List<String> lines, Collection<Change.ColumnRef> columns) {
		Map<String, Set<String>> left = new HashMap<>();
		columns.forEach((column) -> left.computeIfAbsent(name(column.table()), (table) -> new HashSet<>())
			.add(ident(column.column())));
		return lines.stream().map((line) -> {
			if (!line.startsWith(CatalogText.COLUMN_ORDER)) {
				return line;
			}
			int colon = line.lastIndexOf(": ");
			Set<String> out = left.get(line.substring(CatalogText.COLUMN_ORDER.length(), colon));
			if (out == null) {
				return line;
			}
			List<String> kept = Arrays.stream(line.substring(colon + 2).split(", "))
				.filter((column) -> !out.contains(column))
				.toList();
			return line.substring(0, colon + 2) + String.join(", ", kept);
		}).toList();
	}

	/**
	 * Return the columns that the changes drop from tables they keep, which a downgrade
	 * adds back, each under the name its table had before the changes.
	 * @param changes the changes
	 * @param options the options they were made with, for the table renames
	 * @return the columns
	 */
	static List<Change.ColumnRef> droppedColumns(List<Change> changes, DiffOptions options) {
		Map<QualifiedName, QualifiedName> renamedFrom = new HashMap<>();
		options.renames().tables().forEach((from, to) -> renamedFrom.put(to, from));
		return changes.stream()
			.filter(TableChange.DropColumn.class::isInstance)
			.map(TableChange.DropColumn.class::cast)
			.map((drop) -> new Change.ColumnRef(renamedFrom.getOrDefault(drop.table(), drop.table()),
					drop.column().name()))
			.toList();
	}

	/**
	 * Return the columns whose NOT NULL constraint (PostgreSQL 18) or identity sequence a
	 * downgrade cannot be expected to name as it was, as {@code "
	 *
	<table>
	 *  <column>"} with the table unqualified: Migrate's model has no names for them, so
	 * whatever makes one again (a rollback that sets NOT NULL or identity, adds a column
	 * or creates a table) gets PostgreSQL's name, after the table and column names of
	 * that moment. That is the name it had unless the table or column was renamed after
	 * it was made: in an earlier revision (the name is then not PostgreSQL's for it), or
	 * in this one (the rollback makes it before it renames back).
	 * @param before the lines before the upgrade
	 * @param hints the renames of the revision
	 * @return the columns
	 */
	static Set<String> implicitNamesNotRestored(List<String> before, RenameHints hints) {
		Set<String> tables = new HashSet<>();
		hints.tables().keySet().forEach((table) -> tables.add(table.name()));
		Set<String> columns = new HashSet<>();
		hints.columns()
			.keySet()
			.forEach((column) -> columns
				.add(RandomRenames.hintedFrom(hints, column.table()).name() + " " + column.column()));
		for (String line : before) {
			String[] named = implicitlyNamed(line);
			if (named != null && (tables.contains(named[0]) || !named[2]
				.equals(named[0] + "_" + named[1] + "_" + (line.startsWith("constraint ") ? "not_null" : "seq")))) {
				columns.add(named[0] + " " + named[1]);
			}
		}
		return columns;
	}

	/**
	 * Return the lines, sorted, with no name on the NOT NULL constraints and identity
	 * sequences of the given columns.
	 * @param lines the lines
	 * @param columns the columns, as {@code "<table> <column>"}
	 * @return the lines
	 */
	static List<String> withoutImplicitNamesOf(List<String> lines, Set<String> columns) {
		return lines.stream().map((line) -> {
			String[] named = implicitlyNamed(line);
			if (named == null || !columns.contains(named[0] + " " + named[1])) {
				return line;
			}
			int start = line.startsWith("constraint ") ? line.indexOf(' ', "constraint ".length()) + 1
					: "sequence ".length();
			return line.substring(0, start) + "(name)" + line.substring(line.indexOf(' ', start));
		}).sorted().toList();
	}

	/**
	 * The unqualified table, the column and the object name of a NOT NULL constraint's or
	 * identity sequence's line (plain names only), or {@code null}.
	 */
	private static String[] implicitlyNamed(String line) {
		Matcher notNull = NOT_NULL.matcher(line);
		if (notNull.matches()) {
			return new String[] { notNull.group(1), notNull.group(3), notNull.group(2) };
		}
		Matcher identity = IDENTITY_SEQUENCE.matcher(line);
		return identity.matches() ? new String[] { identity.group(3), identity.group(2), identity.group(1) } : null;
	}

	private static String name(QualifiedName table) {
		return ident(table.schema()) + "." + ident(table.name());
	}

	/** An identifier as {@code quote_ident} writes it (but for reserved words). */
	private static String ident(String identifier) {
		return identifier.matches("[a-z_][a-z0-9_]*") ? identifier : '"' + identifier.replace("\"", "\"\"") + '"';
	}

}

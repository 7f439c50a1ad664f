package dev.migrate.core.diff;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.migrate.core.diff.Change.ColumnRef;
import dev.migrate.core.schema.QualifiedName;
import org.jspecify.annotations.Nullable;

/**
 * Renames that a person has confirmed, so that the diff renames (keeping the data)
 * instead of dropping and adding.
 *
 * @param tables old table name to new table name
 * @param columns the column's table (by its new name) and old column name, to the new
 * column name
 */
public record RenameHints(Map<QualifiedName, QualifiedName> tables, Map<ColumnRef, String> columns) {

	public RenameHints {
		tables = Map.copyOf(tables);
		columns = Map.copyOf(columns);
	}

	/**
	 * Return hints that rename nothing.
	 * @return no hints
	 */
	public static RenameHints none() {
		return new RenameHints(Map.of(), Map.of());
	}

	/**
	 * Return these hints and a table rename.
	 * @param from the old name
	 * @param to the new name
	 * @return the hints
	 */
	public RenameHints table(QualifiedName from, QualifiedName to) {
		Map<QualifiedName, QualifiedName> renamed = new LinkedHashMap<>(this.tables);
		renamed.put(from, to);
		return new RenameHints(renamed, this.columns);
	}

	/**
	 * Return these hints and a column rename.
	 * @param table the table (by its new name, if it is renamed too)
	 * @param from the old column name
	 * @param to the new column name
	 * @return the hints
	 */
	public RenameHints column(QualifiedName table, String from, String to) {
		Map<ColumnRef, String> renamed = new LinkedHashMap<>(this.columns);
		renamed.put(new ColumnRef(table, from), to);
		return new RenameHints(this.tables, renamed);
	}

	/**
	 * Return these hints and the given ones, which win where both rename the same.
	 * @param others the other hints
	 * @return the hints
	 */
	public RenameHints and(RenameHints others) {
		Map<QualifiedName, QualifiedName> tables = new LinkedHashMap<>(this.tables);
		tables.putAll(others.tables);
		Map<ColumnRef, String> columns = new LinkedHashMap<>(this.columns);
		columns.putAll(others.columns);
		return new RenameHints(tables, columns);
	}

	@Nullable String columnRename(QualifiedName table, String column) {
		return this.columns.get(new ColumnRef(table, column));
	}

}

package dev.migrate.core.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A table. Columns are kept in name order and constraints in a stable order, because
 * neither order carries meaning for the schema: two tables with the same content are
 * equal.
 *
 * @param name the table name
 * @param columns the columns, by name
 * @param primaryKey the primary key, or {@code null}
 * @param uniqueConstraints the unique constraints
 * @param indexes the indexes that do not back a constraint
 * @param foreignKeys the foreign keys
 * @param checks the check constraints
 * @param comment the table comment, or {@code null}
 */
public record Table(QualifiedName name, List<Column> columns, @Nullable PrimaryKey primaryKey,
		List<UniqueConstraint> uniqueConstraints, List<Index> indexes, List<ForeignKey> foreignKeys,
		List<CheckConstraint> checks, @Nullable String comment) {

	public Table {
		columns = sorted(columns, Comparator.comparing(Column::name));
		uniqueConstraints = sorted(uniqueConstraints, Comparator.comparing((u) -> u.identity().toString()));
		indexes = sorted(indexes, Comparator.comparing((i) -> i.identity().toString()));
		foreignKeys = sorted(foreignKeys, Comparator.comparing((f) -> f.identity().toString()));
		checks = sorted(checks, Comparator.comparing(CheckConstraint::expression));
	}

	/**
	 * Return the column with the given name.
	 * @param columnName the column name
	 * @return the column, if the table has it
	 */
	public Optional<Column> column(String columnName) {
		return this.columns.stream().filter((column) -> column.name().equals(columnName)).findFirst();
	}

	static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
		return items.stream().sorted(order).toList();
	}

}

package dev.migrate.core.diff;

import java.util.List;
import java.util.Map;

import dev.migrate.core.schema.CheckConstraint;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.Table;
import dev.migrate.core.schema.UniqueConstraint;

/**
 * A table as PostgreSQL will see it after renaming columns: constraints and indexes
 * follow a renamed column, so the diff must not drop and re-create them.
 */
final class ColumnRenames {

	private ColumnRenames() {
	}

	static Table apply(Table table, Map<String, String> renames) {
		List<Column> columns = table.columns()
			.stream()
			.map((c) -> new Column(rename(c.name(), renames), c.type(), c.nullable(), c.defaultValue(), c.identity(),
					c.comment()))
			.toList();
		PrimaryKey key = (table.primaryKey() != null)
				? new PrimaryKey(table.primaryKey().name(), rename(table.primaryKey().columns(), renames)) : null;
		List<UniqueConstraint> uniques = table.uniqueConstraints()
			.stream()
			.map((u) -> new UniqueConstraint(u.name(), rename(u.columns(), renames)))
			.toList();
		List<Index> indexes = table.indexes()
			.stream()
			.map((i) -> new Index(i.name(),
					i.keys()
						.stream()
						.map((k) -> new Index.Key(renameIn(k.expression(), renames), k.descending()))
						.toList(),
					i.unique(), (i.predicate() != null) ? renameIn(i.predicate(), renames) : null))
			.toList();
		List<ForeignKey> foreignKeys = table.foreignKeys()
			.stream()
			.map((f) -> new ForeignKey(f.name(), rename(f.columns(), renames), f.referencedTable(),
					f.referencedColumns(), f.onDelete(), f.onUpdate()))
			.toList();
		List<CheckConstraint> checks = table.checks()
			.stream()
			.map((c) -> new CheckConstraint(c.name(), renameIn(c.expression(), renames)))
			.toList();
		return new Table(table.name(), columns, key, uniques, indexes, foreignKeys, checks, table.comment());
	}

	/** Column references in an expression, which PostgreSQL renames with the column. */
	private static String renameIn(String expression, Map<String, String> renames) {
		String renamed = expression;
		for (Map.Entry<String, String> rename : renames.entrySet()) {
			renamed = Expressions.renameColumn(renamed, rename.getKey(), rename.getValue());
		}
		return renamed;
	}

	private static List<String> rename(List<String> names, Map<String, String> renames) {
		return names.stream().map((name) -> rename(name, renames)).toList();
	}

	private static String rename(String name, Map<String, String> renames) {
		return renames.getOrDefault(name, name);
	}

}

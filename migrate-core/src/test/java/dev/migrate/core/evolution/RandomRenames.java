package dev.migrate.core.evolution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.migrate.core.diff.RenameHints;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;

/**
 * Turns some tables and columns that a random target shares with the current schema into
 * renames, confirmed with hints as a person would confirm them, so that the walk renames
 * (keeping the rows) as well as drops and adds. A renamed object gets the suffix
 * {@code _r}; the next random target, drawn from the original names, drops it again.
 */
final class RandomRenames {

	static final String SUFFIX = "_r";

	private final Random random;

	RandomRenames(Random random) {
		this.random = random;
	}

	/**
	 * A target and the hints that take the current schema to it.
	 */
	record Renamed(Schema target, RenameHints hints) {

	}

	Renamed apply(Schema current, Schema target) {
		RenameHints hints = RenameHints.none();
		List<Table> tables = new ArrayList<>(target.tables());
		for (int i = 0; i < tables.size(); i++) {
			Table table = tables.get(i);
			QualifiedName renamed = new QualifiedName(table.name().schema(), table.name().name() + SUFFIX);
			if (find(current, table.name()) != null && find(current, renamed) == null && chance(0.15)) {
				hints = hints.table(table.name(), renamed);
				tables = renameTable(tables, table.name(), renamed);
				table = tables.get(i);
			}
			QualifiedName before = hintedFrom(hints, table.name());
			Table old = find(current, before);
			if (old != null && chance(0.25)) {
				String column = renamableColumn(old, table);
				if (column != null) {
					hints = hints.column(table.name(), column, column + SUFFIX);
					tables.set(i, renameColumn(table, column, column + SUFFIX));
				}
			}
		}
		return new Renamed(new Schema(target.schemas(), tables, target.sequences(), target.enumTypes()), hints);
	}

	static QualifiedName hintedFrom(RenameHints hints, QualifiedName to) {
		return hints.tables()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(to))
			.map((entry) -> entry.getKey())
			.findFirst()
			.orElse(to);
	}

	/**
	 * A plain column both versions have that no key, index or check of the target uses:
	 * renaming one of those is covered by the evolution tests.
	 */
	private String renamableColumn(Table current, Table target) {
		Set<String> used = new HashSet<>();
		if (target.primaryKey() != null) {
			used.addAll(target.primaryKey().columns());
		}
		target.uniqueConstraints().forEach((unique) -> used.addAll(unique.columns()));
		target.foreignKeys().forEach((foreignKey) -> used.addAll(foreignKey.columns()));
		for (Index index : target.indexes()) {
			index.keys().forEach((key) -> used.add(key.expression()));
		}
		if (!target.checks().isEmpty()) {
			used.add("c0");
		}
		List<String> candidates = target.columns()
			.stream()
			.map(Column::name)
			.filter((name) -> name.matches("c\\d") && !used.contains(name))
			.filter((name) -> current.column(name).isPresent() && current.column(name + SUFFIX).isEmpty())
			.toList();
		return candidates.isEmpty() ? null : candidates.get(this.random.nextInt(candidates.size()));
	}

	private static List<Table> renameTable(List<Table> tables, QualifiedName from, QualifiedName to) {
		return new ArrayList<>(tables.stream().map((table) -> {
			List<ForeignKey> foreignKeys = table.foreignKeys()
				.stream()
				.map((fk) -> fk.referencedTable().equals(from) ? new ForeignKey(fk.name(), fk.columns(), to,
						fk.referencedColumns(), fk.onDelete(), fk.onUpdate()) : fk)
				.toList();
			return new Table(table.name().equals(from) ? to : table.name(), table.columns(), table.primaryKey(),
					table.uniqueConstraints(), table.indexes(), foreignKeys, table.checks(), table.comment());
		}).toList());
	}

	private static Table renameColumn(Table table, String from, String to) {
		List<Column> columns = table.columns()
			.stream()
			.map((column) -> column.name().equals(from) ? new Column(to, column.type(), column.nullable(),
					column.defaultValue(), column.identity(), column.comment()) : column)
			.toList();
		return new Table(table.name(), columns, table.primaryKey(), table.uniqueConstraints(), table.indexes(),
				table.foreignKeys(), table.checks(), table.comment());
	}

	private static Table find(Schema schema, QualifiedName name) {
		return schema.tables().stream().filter((table) -> table.name().equals(name)).findFirst().orElse(null);
	}

	private boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

}

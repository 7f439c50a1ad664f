package dev.migrate.core.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.migrate.core.diff.Change.ColumnRef;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Sequence;
import dev.migrate.core.schema.Table;

/**
 * Computes the changes from the actual schema to the desired one. Pure: no I/O, the same
 * inputs always give the same changes in the same order.
 */
public final class SchemaDiffer {

	private final DiffOptions options;

	private final DatabaseRules rules;

	/**
	 * Create a new instance.
	 * @param options how to diff
	 * @param rules the database's rules: the names it gives unnamed constraints and how
	 * it takes type changes
	 */
	public SchemaDiffer(DiffOptions options, DatabaseRules rules) {
		this.options = options;
		this.rules = rules;
	}

	/**
	 * Diff two schemas.
	 * @param actual the schema as it is (e.g. read from the database)
	 * @param desired the schema as it should be (e.g. read from the entities)
	 * @return the ordered changes and possible renames
	 */
	public SchemaDiff diff(Schema actual, Schema desired) {
		RenameRules rules = this.options.renameRules();
		RenameHints confirmed = new RenameRules(
				java.util.stream.Stream.concat(desired.declarations().renames().stream(), rules.renames().stream())
					.toList(),
				List.of())
			.confirmed(actual, desired);
		SchemaDiff diff = new SchemaDiffer(this.options.withRenames(confirmed.and(this.options.renames())), this.rules)
			.diffConfirmed(actual, desired);
		return new SchemaDiff(diff.changes(),
				diff.possibleRenames().stream().filter((rename) -> !rules.denies(rename, actual, desired)).toList(),
				diff.unmapped());
	}

	private SchemaDiff diffConfirmed(Schema actual, Schema desired) {
		List<Change> changes = new ArrayList<>();
		List<PossibleRename> possibleRenames = new ArrayList<>();
		List<Change> unmapped = new ArrayList<>();
		desired.schemas()
			.stream()
			.filter((schema) -> !actual.schemas().contains(schema))
			.forEach((schema) -> changes.add(new Change.CreateSchema(schema)));
		diffEnumTypes(actual, desired, changes);
		diffSequences(actual, desired, changes);
		Map<QualifiedName, Table> actualTables = renameTables(actual, desired, changes);
		java.util.Set<QualifiedName> dropped = new java.util.HashSet<>(actualTables.keySet());
		desired.tables().forEach((table) -> dropped.remove(table.name()));
		dropped.removeIf((table) -> !this.options.mayDrop(table));
		TableDiffer tables = new TableDiffer(this.options, this.rules, changes, possibleRenames, unmapped, dropped,
				actualTables.values(), desired.declarations(), actual.declarations());
		for (Table table : desired.tables()) {
			if (this.options.excluded(table.name())) {
				continue;
			}
			Table existing = actualTables.remove(table.name());
			if (existing == null) {
				tables.create(table);
			}
			else {
				tables.alter(existing, table);
			}
		}
		for (Table table : actualTables.values()) {
			if (this.options.mayDrop(table.name())) {
				tables.drop(table);
			}
			else {
				possibleTableRename(table, desired, actual, possibleRenames);
			}
		}
		// A stable sort: within a phase, changes keep the order they were found in.
		changes.sort(Comparator.comparing(Change::phase));
		return new SchemaDiff(changes, possibleRenames, unmapped);
	}

	private void diffEnumTypes(Schema actual, Schema desired, List<Change> changes) {
		Map<QualifiedName, EnumType> existing = new LinkedHashMap<>();
		actual.enumTypes().forEach((type) -> existing.put(type.name(), type));
		for (EnumType type : desired.enumTypes()) {
			EnumType current = existing.remove(type.name());
			if (current == null) {
				changes.add(new Change.CreateEnumType(type));
			}
			else if (!current.labels().equals(type.labels())) {
				changes.add(new Change.ChangeEnumLabels(current, type, users(actual, type.name())));
			}
		}
		existing.values()
			.stream()
			.filter((type) -> this.options.mayDrop(type.name()))
			.forEach((type) -> changes.add(new Change.DropEnumType(type)));
	}

	private static List<ColumnRef> users(Schema schema, QualifiedName type) {
		List<ColumnRef> users = new ArrayList<>();
		for (Table table : schema.tables()) {
			for (Column column : table.columns()) {
				if (column.type().name().equals(type.toString())) {
					users.add(new ColumnRef(table.name(), column.name()));
				}
			}
		}
		return users;
	}

	private void diffSequences(Schema actual, Schema desired, List<Change> changes) {
		Map<QualifiedName, Sequence> existing = new LinkedHashMap<>();
		actual.sequences().forEach((sequence) -> existing.put(sequence.name(), sequence));
		for (Sequence sequence : desired.sequences()) {
			Sequence current = existing.remove(sequence.name());
			if (current == null) {
				changes.add(new Change.CreateSequence(sequence));
			}
			else if (current.increment() != sequence.increment()) {
				// The start only matters when the sequence is created: an existing one
				// keeps its own, and counts on from where it is.
				changes.add(new Change.AlterSequence(current,
						new Sequence(sequence.name(), current.start(), sequence.increment())));
			}
		}
		existing.values()
			.stream()
			.filter((sequence) -> this.options.mayDrop(sequence.name()))
			.forEach((sequence) -> changes.add(new Change.DropSequence(sequence)));
	}

	/**
	 * Apply the confirmed table renames to the actual tables, so that the rest of the
	 * diff compares each renamed table with its new definition.
	 */
	private Map<QualifiedName, Table> renameTables(Schema actual, Schema desired, List<Change> changes) {
		Map<QualifiedName, QualifiedName> renames = new LinkedHashMap<>();
		this.options.renames().tables().forEach((from, to) -> {
			if (actual.table(from).isPresent() && actual.table(to).isEmpty() && desired.table(to).isPresent()) {
				renames.put(from, to);
				changes.add(new TableChange.RenameTable(from, to));
			}
		});
		Map<QualifiedName, Table> tables = new LinkedHashMap<>();
		for (Table table : actual.tables()) {
			QualifiedName name = renames.getOrDefault(table.name(), table.name());
			List<ForeignKey> foreignKeys = table.foreignKeys()
				.stream()
				.map((fk) -> renames.containsKey(fk.referencedTable()) ? new ForeignKey(fk.name(), fk.columns(),
						renames.get(fk.referencedTable()), fk.referencedColumns(), fk.onDelete(), fk.onUpdate()) : fk)
				.toList();
			tables.put(name, new Table(name, table.columns(), table.primaryKey(), table.uniqueConstraints(),
					table.indexes(), foreignKeys, table.checks(), table.comment()));
		}
		return tables;
	}

	private void possibleTableRename(Table unmapped, Schema desired, Schema actual,
			List<PossibleRename> possibleRenames) {
		Optional<Table> match = desired.tables()
			.stream()
			.filter((table) -> actual.table(table.name()).isEmpty())
			.filter((table) -> Objects.equals(table.columns(), unmapped.columns()))
			.findFirst();
		match.ifPresent((table) -> possibleRenames.add(new PossibleRename(unmapped.name(), null, table.name().name())));
	}

}

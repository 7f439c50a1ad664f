package dev.migrate.core.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migrate.core.schema.CheckConstraint;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.Declarations;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Table;
import dev.migrate.core.schema.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * The table part of the diff: creates, drops and alters one table at a time.
 */
final class TableDiffer {

	private final DiffOptions options;

	private final TypeChangeClassifier typeChanges;

	private final List<Change> changes;

	private final List<PossibleRename> possibleRenames;

	/** Drops left out: what only the database has on a mapped table. */
	private final List<Change> unmapped;

	/** The tables this diff drops. */
	private final Set<QualifiedName> droppedTables;

	private final WrittenForms written;

	/** The declarations of the desired model: column order. */
	private final Declarations declared;

	/** The declarations of the actual model: column order. */
	private final Declarations existing;

	private final Backfills backfills;

	private final ConstraintNames names;

	TableDiffer(DiffOptions options, DatabaseRules rules, List<Change> changes, List<PossibleRename> possibleRenames,
			List<Change> unmapped, Set<QualifiedName> droppedTables, Collection<Table> actualTables,
			Declarations declared, Declarations existing) {
		this.unmapped = unmapped;
		this.droppedTables = droppedTables;
		this.options = options;
		this.declared = declared;
		this.existing = existing;
		this.written = new WrittenForms(declared, existing);
		this.names = new ConstraintNames(rules.naming(), actualTables);
		this.typeChanges = rules.typeChanges();
		this.backfills = new Backfills(options.backfills(), declared);
		this.changes = changes;
		this.possibleRenames = possibleRenames;
	}

	void create(Table table) {
		QualifiedName name = table.name();
		PrimaryKey key = (table.primaryKey() != null) ? named(name, table.primaryKey()) : null;
		this.changes.add(new TableChange.CreateTable(
				new Table(name, table.columns().stream().map(this.written::declared).toList(), key, List.of(),
						List.of(), List.of(), List.of(), null),
				this.declared.columnOrder(name)));
		table.uniqueConstraints()
			.forEach((unique) -> this.changes
				.add(new ConstraintChange.AddUnique(name, named(name, unique), true, false)));
		table.indexes()
			.forEach((index) -> this.changes
				.add(new ConstraintChange.CreateIndex(name, named(name, index), true, false)));
		table.checks()
			.forEach((check) -> this.changes.add(new ConstraintChange.AddCheck(name, named(name, check), true, false)));
		table.foreignKeys()
			.forEach((fk) -> this.changes.add(new ConstraintChange.AddForeignKey(name, named(name, fk), true, false)));
		if (table.comment() != null) {
			this.changes.add(new TableChange.TableComment(name, null, table.comment()));
		}
		table.columns()
			.stream()
			.filter((column) -> column.comment() != null)
			.forEach((column) -> this.changes
				.add(new TableChange.ColumnComment(name, column.name(), null, column.comment())));
	}

	void drop(Table table) {
		this.written.renamedColumns(Map.of());
		QualifiedName name = table.name();
		// Constraints go first and on their own, so that a rollback restores them too.
		table.foreignKeys().forEach((fk) -> this.changes.add(new ConstraintChange.DropForeignKey(name, fk, false)));
		table.uniqueConstraints()
			.forEach((unique) -> this.changes.add(new ConstraintChange.DropUnique(name, unique, false)));
		table.indexes()
			.forEach((index) -> this.changes
				.add(new ConstraintChange.DropIndex(name, this.written.existing(index), false)));
		table.checks()
			.forEach((check) -> this.changes
				.add(new ConstraintChange.DropCheck(name, this.written.existing(check), false)));
		if (table.comment() != null) {
			this.changes.add(new TableChange.TableComment(name, table.comment(), null));
		}
		List<Column> columns = table.columns()
			.stream()
			.map((column) -> withComment(this.written.existing(column), null))
			.toList();
		table.columns()
			.stream()
			.filter((column) -> column.comment() != null)
			.forEach((column) -> this.changes
				.add(new TableChange.ColumnComment(name, column.name(), column.comment(), null)));
		this.changes.add(new TableChange.DropTable(
				new Table(name, columns, table.primaryKey(), List.of(), List.of(), List.of(), List.of(), null),
				this.existing.columnOrder(name)));
	}

	void alter(Table actual, Table desired) {
		QualifiedName name = desired.name();
		boolean online = this.options.online();
		Table current = renameColumns(actual, desired);
		diffColumns(current, desired);
		PrimaryKey currentKey = current.primaryKey();
		PrimaryKey desiredKey = desired.primaryKey();
		if (!Objects.equals(columns(currentKey), columns(desiredKey))) {
			if (currentKey != null) {
				this.changes.add(new ConstraintChange.DropPrimaryKey(name, currentKey, online));
			}
			if (desiredKey != null) {
				this.changes.add(new ConstraintChange.AddPrimaryKey(name, named(name, desiredKey), false, online));
			}
		}
		DropRule rule = new DropRule(this.options, name, current, desired);
		diffSet(current.uniqueConstraints(), desired.uniqueConstraints(), UniqueConstraint::identity,
				(unique) -> new ConstraintChange.AddUnique(name, named(name, unique), false, online),
				(unique) -> new ConstraintChange.DropUnique(name, unique, online),
				(unique, added) -> Objects.equals(unique.name(), named(name, added).name())
						|| unique.columns().equals(added.columns()),
				(unique) -> rule.mayDrop(unique.name(), unique.columns()));
		diffIndexes(name, current.indexes(), desired.indexes(), rule);
		diffSet(current.checks(), desired.checks(), CheckConstraint::expression,
				(check) -> new ConstraintChange.AddCheck(name, named(name, check), false, online),
				(check) -> new ConstraintChange.DropCheck(name, this.written.existing(check), online),
				(check, added) -> Objects.equals(check.name(), this.names.nameOf(name, added))
						|| rule.columnsOf(check.expression()).equals(rule.columnsOf(added.expression())),
				(check) -> rule.mayDrop(check.name(), rule.mentioned(check.expression())));
		diffSet(current.foreignKeys(), desired.foreignKeys(), ForeignKey::identity,
				(fk) -> new ConstraintChange.AddForeignKey(name, named(name, fk), false, online,
						onlyNullColumns(current, desired, fk.columns())),
				(fk) -> new ConstraintChange.DropForeignKey(name, fk, online),
				(fk, added) -> Objects.equals(fk.name(), named(name, added).name())
						|| fk.columns().equals(added.columns()),
				(fk) -> this.droppedTables.contains(fk.referencedTable()) || rule.mayDrop(fk.name(), fk.columns()));
		if (!Objects.equals(current.comment(), desired.comment())) {
			this.changes.add(new TableChange.TableComment(name, current.comment(), desired.comment()));
		}
	}

	private Table renameColumns(Table actual, Table desired) {
		Map<String, String> renames = new LinkedHashMap<>();
		for (Column column : actual.columns()) {
			String to = this.options.renames().columnRename(desired.name(), column.name());
			if (to != null && actual.column(to).isEmpty() && desired.column(to).isPresent()
					&& desired.column(column.name()).isEmpty()) {
				renames.put(column.name(), to);
				this.changes.add(new TableChange.RenameColumn(desired.name(), column.name(), to));
			}
		}
		this.written.renamedColumns(renames);
		return renames.isEmpty() ? actual : ColumnRenames.apply(actual, renames);
	}

	private void diffColumns(Table actual, Table desired) {
		QualifiedName name = desired.name();
		List<Column> added = new ArrayList<>();
		for (Column column : desired.columns()) {
			Column current = actual.column(column.name()).orElse(null);
			if (current == null) {
				added.add(column);
				String backfill = (!column.nullable() && column.defaultValue() == null && column.identity() == null)
						? this.backfills.of(name, column.name()) : null;
				if (backfill == null) {
					this.changes.add(new TableChange.AddColumn(name, this.written.declared(column)));
				}
				else {
					// Added nullable, filled, then made NOT NULL: existing rows get the
					// value.
					this.changes.add(new TableChange.AddColumn(name,
							new Column(column.name(), column.type(), true, null, null, column.comment())));
					this.changes.add(new TableChange.AlterNullability(name, column.name(), false, backfill,
							this.options.online()));
				}
			}
			else {
				alterColumn(name, current, column);
			}
		}
		for (Column column : actual.columns()) {
			if (desired.column(column.name()).isEmpty()) {
				if (column.comment() != null) {
					this.changes.add(new TableChange.ColumnComment(name, column.name(), column.comment(), null));
				}
				this.changes.add(new TableChange.DropColumn(name, withComment(this.written.existing(column), null)));
				added.stream()
					.filter((candidate) -> candidate.type().equals(column.type()))
					.forEach((candidate) -> this.possibleRenames
						.add(new PossibleRename(name, column.name(), candidate.name())));
			}
		}
	}

	private void alterColumn(QualifiedName table, Column actual, Column desired) {
		String column = desired.name();
		boolean typeChanges = !actual.type().equals(desired.type());
		// PostgreSQL cannot convert a default along with its column: drop it, convert,
		// set it.
		boolean dropDefaultFirst = typeChanges && actual.defaultValue() != null;
		if (dropDefaultFirst) {
			this.changes.add(new TableChange.AlterDefault(table, column,
					this.written.existingDefault(actual.defaultValue()), null));
		}
		if (actual.identity() != null && desired.identity() == null) {
			this.changes.add(new TableChange.AlterIdentity(table, column, actual.identity(), null));
		}
		if (typeChanges) {
			this.changes
				.add(new TableChange.AlterColumnType(table, column, actual.type(), desired.type(), this.typeChanges));
		}
		String currentDefault = dropDefaultFirst ? null : actual.defaultValue();
		if (!Objects.equals(currentDefault, desired.defaultValue())) {
			this.changes.add(new TableChange.AlterDefault(table, column, this.written.existingDefault(currentDefault),
					(desired.defaultValue() != null) ? this.written.declaredDefault(desired.defaultValue()) : null));
		}
		if (desired.identity() != null && !Objects.equals(actual.identity(), desired.identity())) {
			this.changes.add(new TableChange.AlterIdentity(table, column, actual.identity(), desired.identity()));
		}
		if (actual.nullable() != desired.nullable()) {
			String backfill = (desired.defaultValue() != null) ? desired.defaultValue()
					: this.backfills.of(table, column);
			this.changes.add(new TableChange.AlterNullability(table, column, desired.nullable(),
					desired.nullable() ? null : backfill, this.options.online()));
		}
		if (!Objects.equals(actual.comment(), desired.comment())) {
			this.changes.add(new TableChange.ColumnComment(table, column, actual.comment(), desired.comment()));
		}
	}

	/**
	 * Whether the columns are all added by this revision, nullable and without a default:
	 * every existing row then holds NULL in them.
	 */
	private static boolean onlyNullColumns(Table current, Table desired, List<String> columns) {
		return columns.stream()
			.allMatch((column) -> current.column(column).isEmpty() && desired.column(column)
				.filter((added) -> added.nullable() && added.defaultValue() == null && added.identity() == null)
				.isPresent());
	}

	/**
	 * Online, an index whose definition changed under the same name is replaced
	 * concurrently; otherwise it is dropped and created again.
	 */
	private void diffIndexes(QualifiedName table, List<Index> actual, List<Index> desired, DropRule rule) {
		boolean online = this.options.online();
		List<Object> desiredKeys = desired.stream().map(Index::identity).toList();
		List<Object> actualKeys = actual.stream().map(Index::identity).toList();
		List<Index> added = desired.stream()
			.filter((index) -> !actualKeys.contains(index.identity()))
			.map((index) -> named(table, index))
			.collect(Collectors.toCollection(ArrayList::new));
		for (Index index : actual) {
			if (desiredKeys.contains(index.identity())) {
				continue;
			}
			Index replacement = online ? added.stream()
				.filter((candidate) -> candidate.name().equals(index.name()))
				.findFirst()
				.orElse(null) : null;
			if (replacement != null) {
				added.remove(replacement);
				this.changes.add(new ConstraintChange.ReplaceIndex(table, this.written.existing(index), replacement,
						this.names.replacement(index.name())));
			}
			else {
				boolean replaced = added.stream()
					.anyMatch((candidate) -> candidate.name().equals(index.name())
							|| expressions(candidate).equals(expressions(index)));
				Change drop = new ConstraintChange.DropIndex(table, this.written.existing(index), online);
				(replaced || rule.mayDrop(index.name(), rule.mentioned(String.join(" ", expressions(index))))
						? this.changes : this.unmapped)
					.add(drop);
			}
		}
		added.forEach((index) -> this.changes.add(new ConstraintChange.CreateIndex(table, index, false, online)));
	}

	private static List<String> expressions(Index index) {
		return index.keys().stream().map(Index.Key::expression).toList();
	}

	/**
	 * Diff a set of constraints. One the database has and the entities do not is dropped
	 * when it is replaced (the entities declare one under its name or on its columns:
	 * they changed it) or may be dropped, and otherwise rule as unmapped.
	 */
	private <T> void diffSet(List<T> actual, List<T> desired, Function<T, Object> identity, Function<T, Change> add,
			Function<T, Change> drop, BiPredicate<T, T> replacedBy, Predicate<T> mayDrop) {
		List<Object> desiredKeys = desired.stream().map(identity).toList();
		List<Object> actualKeys = actual.stream().map(identity).toList();
		List<T> added = desired.stream().filter((item) -> !actualKeys.contains(identity.apply(item))).toList();
		actual.stream().filter((item) -> !desiredKeys.contains(identity.apply(item))).forEach((item) -> {
			boolean replaced = added.stream().anyMatch((candidate) -> replacedBy.test(item, candidate));
			((replaced || mayDrop.test(item)) ? this.changes : this.unmapped).add(drop.apply(item));
		});
		added.stream().map(add).forEach(this.changes::add);
	}

	private static @Nullable List<String> columns(@Nullable PrimaryKey key) {
		return (key != null) ? key.columns() : null;
	}

	private static Column withComment(Column column, @Nullable String comment) {
		return new Column(column.name(), column.type(), column.nullable(), column.defaultValue(), column.identity(),
				comment);
	}

	private PrimaryKey named(QualifiedName table, PrimaryKey key) {
		return this.names.named(table, key);
	}

	private UniqueConstraint named(QualifiedName table, UniqueConstraint unique) {
		return this.names.named(table, unique);
	}

	private Index named(QualifiedName table, Index index) {
		return this.written.declared(this.names.named(table, index));
	}

	private CheckConstraint named(QualifiedName table, CheckConstraint check) {
		return this.written.declared(this.names.named(table, check));
	}

	private ForeignKey named(QualifiedName table, ForeignKey fk) {
		return this.names.named(table, fk);
	}

}

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

	private final Naming naming;

	private final TypeChangeClassifier typeChanges;

	private final List<Change> changes;

	private final List<PossibleRename> possibleRenames;

	/** Drops left out: what only the database has on a mapped table. */
	private final List<Change> unmapped;

	/** The tables this diff drops. */
	private final Set<QualifiedName> droppedTables;

	/** What the desired model declares: how expressions are written, column order. */
	private final Declarations declared;

	/**
	 * What the actual model declares (e.g. expressions as the database stores them, and
	 * column order): what a rollback puts back is written as it was.
	 */
	private final Declarations existing;

	/** The columns renamed in the table being altered, old name to new. */
	private Map<String, String> columnRenames = Map.of();

	private final Backfills backfills;

	/**
	 * Index names (of primary keys, unique constraints and indexes) in the database, by
	 * schema and name, with the table that has them.
	 */
	private final Map<QualifiedName, QualifiedName> indexNames = new HashMap<>();

	/** Check names in the database and given in this diff, by table. */
	private final Map<QualifiedName, Set<String>> checkNames = new HashMap<>();

	TableDiffer(DiffOptions options, DatabaseRules rules, List<Change> changes, List<PossibleRename> possibleRenames,
			List<Change> unmapped, Set<QualifiedName> droppedTables, Collection<Table> actualTables,
			Declarations declared, Declarations existing) {
		this.unmapped = unmapped;
		this.droppedTables = droppedTables;
		this.options = options;
		this.existing = existing;
		this.naming = rules.naming();
		this.typeChanges = rules.typeChanges();
		this.declared = declared;
		this.backfills = new Backfills(options.backfills(), declared);
		this.changes = changes;
		this.possibleRenames = possibleRenames;
		for (Table table : actualTables) {
			List<String> names = new ArrayList<>();
			if (table.primaryKey() != null) {
				names.add(table.primaryKey().name());
			}
			table.uniqueConstraints().forEach((unique) -> names.add(unique.name()));
			table.indexes().forEach((index) -> names.add(index.name()));
			names.stream()
				.filter(Objects::nonNull)
				.forEach((name) -> this.indexNames.put(new QualifiedName(table.name().schema(), name), table.name()));
			table.checks()
				.stream()
				.map(CheckConstraint::name)
				.filter(Objects::nonNull)
				.forEach((name) -> checkNames(table.name()).add(name));
		}
	}

	void create(Table table) {
		QualifiedName name = table.name();
		PrimaryKey key = (table.primaryKey() != null) ? named(name, table.primaryKey()) : null;
		this.changes
			.add(new TableChange.CreateTable(new Table(name, table.columns().stream().map(this::declared).toList(), key,
					List.of(), List.of(), List.of(), List.of(), null), this.declared.columnOrder(name)));
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
		this.columnRenames = Map.of();
		QualifiedName name = table.name();
		// Constraints go first and on their own, so that a rollback restores them too.
		table.foreignKeys().forEach((fk) -> this.changes.add(new ConstraintChange.DropForeignKey(name, fk, false)));
		table.uniqueConstraints()
			.forEach((unique) -> this.changes.add(new ConstraintChange.DropUnique(name, unique, false)));
		table.indexes()
			.forEach((index) -> this.changes.add(new ConstraintChange.DropIndex(name, existing(index), false)));
		table.checks()
			.forEach((check) -> this.changes.add(new ConstraintChange.DropCheck(name, existing(check), false)));
		if (table.comment() != null) {
			this.changes.add(new TableChange.TableComment(name, table.comment(), null));
		}
		List<Column> columns = table.columns().stream().map((column) -> withComment(existing(column), null)).toList();
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
				(check) -> new ConstraintChange.DropCheck(name, existing(check), online),
				(check, added) -> Objects.equals(check.name(), nameOf(name, added))
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
		this.columnRenames = renames;
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
					this.changes.add(new TableChange.AddColumn(name, declared(column)));
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
				this.changes.add(new TableChange.DropColumn(name, withComment(existing(column), null)));
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
			this.changes.add(new TableChange.AlterDefault(table, column, existingDefault(actual.defaultValue()), null));
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
			this.changes.add(new TableChange.AlterDefault(table, column, existingDefault(currentDefault),
					(desired.defaultValue() != null) ? declaredDefault(desired.defaultValue()) : null));
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
				this.changes.add(new ConstraintChange.ReplaceIndex(table, existing(index), replacement,
						this.naming.replacement(index.name())));
			}
			else {
				boolean replaced = added.stream()
					.anyMatch((candidate) -> candidate.name().equals(index.name())
							|| expressions(candidate).equals(expressions(index)));
				Change drop = new ConstraintChange.DropIndex(table, existing(index), online);
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
		return (key.name() != null) ? key
				: new PrimaryKey(unusedIndexName(table, this.naming.primaryKey(table)), key.columns());
	}

	private UniqueConstraint named(QualifiedName table, UniqueConstraint unique) {
		return (unique.name() != null) ? unique : new UniqueConstraint(
				unusedIndexName(table, this.naming.unique(table, unique.columns())), unique.columns());
	}

	private Index named(QualifiedName table, Index index) {
		String name = (index.name() != null) ? index.name() : unusedIndexName(table,
				this.naming.index(table, index.keys().stream().map(Index.Key::expression).toList()));
		return written(new Index(name, index.keys(), index.unique(), index.predicate()), this.declared::expression);
	}

	/** An index with its expressions written as the given function writes them. */
	private static Index written(Index index, Function<String, String> writing) {
		List<Index.Key> keys = index.keys()
			.stream()
			.map((key) -> key.expression().matches("[^()\\s]+") ? key
					: new Index.Key(writing.apply(key.expression()), key.descending()))
			.toList();
		return new Index(index.name(), keys, index.unique(),
				(index.predicate() != null) ? writing.apply(index.predicate()) : null);
	}

	/** An index of the actual table as the database has it. */
	private Index existing(Index index) {
		return written(index, this::existing);
	}

	/** A check of the actual table as the database has it. */
	private CheckConstraint existing(CheckConstraint check) {
		return new CheckConstraint(check.name(), existing(check.expression()));
	}

	/** A column of the actual table with its default as the database has it. */
	private Column existing(Column column) {
		return (column.defaultValue() != null) ? new Column(column.name(), column.type(), column.nullable(),
				existingDefault(column.defaultValue()), column.identity(), column.comment()) : column;
	}

	private @Nullable String existingDefault(@Nullable String canonical) {
		if (canonical == null) {
			return null;
		}
		String stored = existing(canonical);
		return (Expressions.isConstant(stored) == Expressions.isConstant(canonical)) ? stored : canonical;
	}

	/**
	 * An expression of the actual table as the database stores it, so that what a
	 * rollback puts back is stored the same again; with the columns renamed in this
	 * revision under their new names, as the expression given is.
	 */
	private String existing(String canonical) {
		String before = canonical;
		for (Map.Entry<String, String> rename : this.columnRenames.entrySet()) {
			before = Expressions.renameColumn(before, rename.getValue(), rename.getKey());
		}
		String stored = this.existing.expression(before);
		if (stored.equals(before)) {
			return canonical;
		}
		for (Map.Entry<String, String> rename : this.columnRenames.entrySet()) {
			stored = Expressions.renameColumn(stored, rename.getKey(), rename.getValue());
		}
		return stored;
	}

	/**
	 * Index names are unique in a schema, and another table may have the name this one
	 * would get: a renamed table keeps the names it had (e.g. {@code person_pkey} after
	 * {@code person} became {@code customer}), and a table dropped in the same revision
	 * keeps its names until the end. The table's own names are free, because its
	 * constraints are dropped before they are added again.
	 */
	private String unusedIndexName(QualifiedName table, String name) {
		return this.naming.unused(name, (candidate) -> {
			QualifiedName owner = this.indexNames.get(new QualifiedName(table.schema(), candidate));
			return owner != null && !owner.equals(table);
		});
	}

	/**
	 * The column with its default written as declared.
	 */
	private Column declared(Column column) {
		return (column.defaultValue() != null) ? new Column(column.name(), column.type(), column.nullable(),
				declaredDefault(column.defaultValue()), column.identity(), column.comment()) : column;
	}

	/**
	 * A default as declared, unless that would classify differently (whether it is a
	 * constant decides whether adding it rewrites the table).
	 */
	private String declaredDefault(String canonical) {
		String declared = this.declared.expression(canonical);
		return (Expressions.isConstant(declared) == Expressions.isConstant(canonical)) ? declared : canonical;
	}

	/**
	 * Named as PostgreSQL would name it, from the canonical form; written as declared.
	 */
	private CheckConstraint named(QualifiedName table, CheckConstraint check) {
		Set<String> taken = checkNames(table);
		String name = (check.name() != null) ? check.name()
				: this.naming.unused(this.naming.check(table, check.expression()), taken::contains);
		taken.add(name);
		return new CheckConstraint(name, this.declared.expression(check.expression()));
	}

	/** The name a check gets, without taking it. */
	private String nameOf(QualifiedName table, CheckConstraint check) {
		return (check.name() != null) ? check.name() : this.naming.check(table, check.expression());
	}

	private Set<String> checkNames(QualifiedName table) {
		return this.checkNames.computeIfAbsent(table, (key) -> new HashSet<>());
	}

	private ForeignKey named(QualifiedName table, ForeignKey fk) {
		return (fk.name() != null) ? fk : new ForeignKey(this.naming.foreignKey(table, fk.columns()), fk.columns(),
				fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate());
	}

}

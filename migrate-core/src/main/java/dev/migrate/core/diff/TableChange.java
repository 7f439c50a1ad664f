package dev.migrate.core.diff;

import java.util.List;

import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Table;
import org.jspecify.annotations.Nullable;

/**
 * A change to a table or one of its columns.
 */
public sealed interface TableChange extends Change permits TableChange.CreateTable, TableChange.DropTable,
		TableChange.RenameTable, TableChange.TableComment, TableChange.AddColumn, TableChange.DropColumn,
		TableChange.RenameColumn, TableChange.AlterColumnType, TableChange.AlterNullability, TableChange.AlterDefault,
		TableChange.AlterIdentity, TableChange.ColumnComment, ConstraintChange {

	/**
	 * Return the table this change applies to (for a rename, its new name).
	 * @return the table name
	 */
	QualifiedName table();

	/**
	 * Creates a table with its columns and primary key. Its other constraints and indexes
	 * follow as changes of their own.
	 *
	 * @param definition the table
	 * @param columnOrder the order of its columns as declared, or as a database has them
	 * @param keyFirst whether the primary key's columns go first whatever the order says
	 * (a table for entities); not for a table as a database had it (a baseline, the
	 * rollback of a drop), which is rebuilt in that order
	 */
	record CreateTable(Table definition, List<String> columnOrder, boolean keyFirst) implements TableChange {

		public CreateTable {
			columnOrder = List.copyOf(columnOrder);
		}

		public CreateTable(Table definition, List<String> columnOrder) {
			this(definition, columnOrder, true);
		}

		public CreateTable(Table definition) {
			this(definition, List.of());
		}

		/**
		 * Return the columns as the table is created: the primary key's first (PostgreSQL
		 * cannot move a column later, and a reviewer reads the key first) unless the
		 * order is a database's, then the others in the declared order, then any left in
		 * name order.
		 * @return the columns
		 */
		public List<Column> orderedColumns() {
			List<String> key = (this.keyFirst && this.definition.primaryKey() != null)
					? this.definition.primaryKey().columns() : List.of();
			List<Column> columns = new java.util.ArrayList<>();
			key.forEach((name) -> this.definition.column(name).ifPresent(columns::add));
			this.columnOrder.stream()
				.filter((name) -> !key.contains(name))
				.forEach((name) -> this.definition.column(name).ifPresent(columns::add));
			this.definition.columns().stream().filter((column) -> !columns.contains(column)).forEach(columns::add);
			return columns;
		}

		public QualifiedName table() {
			return this.definition.name();
		}

		public Classification classification() {
			return Classification.safe("creates a new, empty table");
		}

		public Change inverse() {
			return new DropTable(this.definition, orderedColumns().stream().map(Column::name).toList());
		}

		public String description() {
			return "create table " + table();
		}

		public Phase phase() {
			return Phase.CREATE_TABLES;
		}

	}

	/**
	 * Drops a table with its rows.
	 *
	 * @param definition the table
	 * @param columnOrder the order of its columns in the database, which the inverse
	 * creates them in
	 */
	record DropTable(Table definition, List<String> columnOrder) implements TableChange {

		public DropTable {
			columnOrder = List.copyOf(columnOrder);
		}

		public DropTable(Table definition) {
			this(definition, List.of());
		}

		public QualifiedName table() {
			return this.definition.name();
		}

		public Classification classification() {
			return Classification.destructive("drops the table and every row in it");
		}

		public Change inverse() {
			return new CreateTable(this.definition, this.columnOrder, this.columnOrder.isEmpty());
		}

		public String description() {
			return "drop table " + table();
		}

		public Phase phase() {
			return Phase.DROP_TABLES;
		}

	}

	/** Renames a table, keeping its rows. */
	record RenameTable(QualifiedName from, QualifiedName to) implements TableChange {

		public QualifiedName table() {
			return this.to;
		}

		public Classification classification() {
			return Classification.safe("renames the table; rows stay");
		}

		public Change inverse() {
			return new RenameTable(this.to, this.from);
		}

		public String description() {
			return "rename table " + this.from + " to " + this.to.name();
		}

		public Phase phase() {
			return Phase.RENAMES;
		}

	}

	/** Sets or removes a table comment. */
	record TableComment(QualifiedName table, @Nullable String from, @Nullable String to) implements TableChange {

		public Classification classification() {
			return Classification.safe("changes a comment");
		}

		public Change inverse() {
			return new TableComment(this.table, this.to, this.from);
		}

		public String description() {
			return "comment on table " + this.table + ": " + this.to;
		}

		public Phase phase() {
			// Removed before anything is dropped (a dropped table's comment goes first),
			// set after everything is created.
			return (this.to == null) ? Phase.DROP_CONSTRAINTS_AND_INDEXES : Phase.COMMENTS;
		}

	}

	/** Adds a column. */
	record AddColumn(QualifiedName table, Column column) implements TableChange {

		public Classification classification() {
			if (this.column.nullable()) {
				return Classification.safe("adds a nullable column");
			}
			if (this.column.identity() != null) {
				return Classification.locking("adds an identity column, which rewrites the table");
			}
			if (this.column.defaultValue() == null) {
				return Classification
					.dataDependent("adds a NOT NULL column without a default: fails if the table has rows");
			}
			if (!Expressions.isConstant(this.column.defaultValue())) {
				return Classification.locking("adds a column with a volatile default, which rewrites the table");
			}
			return Classification.safe("adds a NOT NULL column with a default that fills existing rows");
		}

		public Change inverse() {
			return new DropColumn(this.table, this.column);
		}

		public String description() {
			return "add column " + this.table + "." + this.column.name() + " " + this.column.type()
					+ (this.column.nullable() ? "" : " not null");
		}

		public Phase phase() {
			return Phase.ADD_AND_ALTER_COLUMNS;
		}

	}

	/** Drops a column with its values. */
	record DropColumn(QualifiedName table, Column column) implements TableChange {

		public Classification classification() {
			return Classification.destructive("drops the column and its values");
		}

		public Change inverse() {
			return new AddColumn(this.table, this.column);
		}

		public String description() {
			return "drop column " + this.table + "." + this.column.name();
		}

		public Phase phase() {
			return Phase.DROP_COLUMNS;
		}

	}

	/** Renames a column, keeping its values. */
	record RenameColumn(QualifiedName table, String from, String to) implements TableChange {

		public Classification classification() {
			return Classification.safe("renames the column; values stay");
		}

		public Change inverse() {
			return new RenameColumn(this.table, this.to, this.from);
		}

		public String description() {
			return "rename column " + this.table + "." + this.from + " to " + this.to;
		}

		public Phase phase() {
			return Phase.RENAMES;
		}

	}

	/**
	 * Changes a column's type. The database's rules classify the change when the differ
	 * finds it, in both directions, so that the change and its inverse carry their
	 * classification.
	 *
	 * @param table the table
	 * @param column the column
	 * @param from the current type
	 * @param to the new type
	 * @param classification how the database takes the change from {@code from} to
	 * {@code to}
	 * @param inverseClassification how it takes the change back
	 */
	record AlterColumnType(QualifiedName table, String column, ColumnType from, ColumnType to,
			Classification classification, Classification inverseClassification) implements TableChange {

		/**
		 * Create the change of a column's type that a database's rules classify.
		 * @param table the table
		 * @param column the column
		 * @param from the current type
		 * @param to the new type
		 * @param classifier the database's rules for type changes
		 */
		public AlterColumnType(QualifiedName table, String column, ColumnType from, ColumnType to,
				TypeChangeClassifier classifier) {
			this(table, column, from, to, classifier.classify(from, to), classifier.classify(to, from));
		}

		public Change inverse() {
			return new AlterColumnType(this.table, this.column, this.to, this.from, this.inverseClassification,
					this.classification);
		}

		public String description() {
			return "change type of " + this.table + "." + this.column + " from " + this.from + " to " + this.to;
		}

		public Phase phase() {
			return Phase.ADD_AND_ALTER_COLUMNS;
		}

	}

	/**
	 * Makes a column nullable or NOT NULL. When it becomes NOT NULL and has a default,
	 * existing NULLs are first replaced by the default. Online, NOT NULL is proven by a
	 * check added {@code NOT VALID} and validated first, so that setting it needs no scan
	 * under an exclusive lock.
	 */
	record AlterNullability(QualifiedName table, String column, boolean nullable, @Nullable String backfill,
			boolean online) implements TableChange {

		public Classification classification() {
			if (this.nullable) {
				return Classification.safe("drops a NOT NULL constraint");
			}
			if (this.backfill != null) {
				return this.online
						? Classification.safe("fills NULLs with " + this.backfill + ", then validates NOT NULL")
						: Classification
							.locking("fills NULLs with " + this.backfill + ", then scans the table to add NOT NULL");
			}
			return Classification.dataDependent("adds NOT NULL without a default: fails if any row holds NULL");
		}

		public Change inverse() {
			return new AlterNullability(this.table, this.column, !this.nullable, null, this.online);
		}

		public String description() {
			return "make " + this.table + "." + this.column + (this.nullable ? " nullable" : " not null");
		}

		public Phase phase() {
			return Phase.ADD_AND_ALTER_COLUMNS;
		}

	}

	/** Sets, changes or removes a column default. */
	record AlterDefault(QualifiedName table, String column, @Nullable String from,
			@Nullable String to) implements TableChange {

		public Classification classification() {
			return Classification.safe("changes the default for future rows only");
		}

		public Change inverse() {
			return new AlterDefault(this.table, this.column, this.to, this.from);
		}

		public String description() {
			return "set default of " + this.table + "." + this.column + " to " + this.to;
		}

		public Phase phase() {
			return Phase.ADD_AND_ALTER_COLUMNS;
		}

	}

	/** Makes a column an identity column, or no longer one. */
	record AlterIdentity(QualifiedName table, String column, Column.@Nullable Identity from,
			Column.@Nullable Identity to) implements TableChange {

		public Classification classification() {
			return (this.to != null)
					? Classification
						.dataDependent("the new identity counts from 1 and can collide with existing values")
					: Classification.safe("stops generating values");
		}

		public Change inverse() {
			return new AlterIdentity(this.table, this.column, this.to, this.from);
		}

		public String description() {
			return "make " + this.table + "." + this.column
					+ ((this.to != null) ? " an identity column" : " no longer an identity column");
		}

		public Phase phase() {
			return Phase.ADD_AND_ALTER_COLUMNS;
		}

	}

	/** Sets or removes a column comment. */
	record ColumnComment(QualifiedName table, String column, @Nullable String from,
			@Nullable String to) implements TableChange {

		public Classification classification() {
			return Classification.safe("changes a comment");
		}

		public Change inverse() {
			return new ColumnComment(this.table, this.column, this.to, this.from);
		}

		public String description() {
			return "comment on column " + this.table + "." + this.column + ": " + this.to;
		}

		public Phase phase() {
			// Removed before anything is dropped (a dropped table's comment goes first),
			// set after everything is created.
			return (this.to == null) ? Phase.DROP_CONSTRAINTS_AND_INDEXES : Phase.COMMENTS;
		}

	}

}

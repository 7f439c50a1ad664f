package dev.migrate.core.diff;

import dev.migrate.core.schema.CheckConstraint;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.UniqueConstraint;

/**
 * A change to a table's keys, constraints or indexes. Constraints that are added always
 * carry a name, so that their rollback can drop them.
 */
public sealed interface ConstraintChange extends TableChange {

	/**
	 * Adds a primary key; online, through a unique index built concurrently first.
	 */
	record AddPrimaryKey(QualifiedName table, PrimaryKey key, boolean newTable,
			boolean online) implements ConstraintChange {

		public Classification classification() {
			return this.newTable ? Classification.safe("on a new table")
					: Classification.dataDependent("fails if existing rows hold duplicates or NULLs");
		}

		public Change inverse() {
			return new DropPrimaryKey(this.table, this.key, this.online);
		}

		public String description() {
			return "add primary key " + this.key.columns() + " to " + this.table;
		}

		public Phase phase() {
			return Phase.ADD_CONSTRAINTS_AND_INDEXES;
		}

	}

	/**
	 * Drops a primary key; online, its inverse adds it back through a concurrent build.
	 */
	record DropPrimaryKey(QualifiedName table, PrimaryKey key, boolean online) implements ConstraintChange {

		public Classification classification() {
			return Classification.safe("drops a constraint, not data");
		}

		public Change inverse() {
			return new AddPrimaryKey(this.table, this.key, false, this.online);
		}

		public String description() {
			return "drop primary key " + this.key.columns() + " of " + this.table;
		}

		public Phase phase() {
			return Phase.DROP_CONSTRAINTS_AND_INDEXES;
		}

	}

	/**
	 * Adds a unique constraint; online, through a unique index built concurrently first.
	 */
	record AddUnique(QualifiedName table, UniqueConstraint constraint, boolean newTable,
			boolean online) implements ConstraintChange {

		public Classification classification() {
			return this.newTable ? Classification.safe("on a new table")
					: Classification.dataDependent("fails if existing rows hold duplicates");
		}

		public Change inverse() {
			return new DropUnique(this.table, this.constraint, this.online);
		}

		public String description() {
			return "add unique " + this.constraint.columns() + " to " + this.table;
		}

		public Phase phase() {
			return Phase.ADD_CONSTRAINTS_AND_INDEXES;
		}

	}

	/**
	 * Drops a unique constraint; online, its inverse adds it back through a concurrent
	 * build.
	 */
	record DropUnique(QualifiedName table, UniqueConstraint constraint, boolean online) implements ConstraintChange {

		public Classification classification() {
			return Classification.safe("drops a constraint, not data");
		}

		public Change inverse() {
			return new AddUnique(this.table, this.constraint, false, this.online);
		}

		public String description() {
			return "drop unique " + this.constraint.columns() + " of " + this.table;
		}

		public Phase phase() {
			return Phase.DROP_CONSTRAINTS_AND_INDEXES;
		}

	}

	/** Creates an index, concurrently when asked to (outside a transaction). */
	record CreateIndex(QualifiedName table, Index index, boolean newTable,
			boolean concurrently) implements ConstraintChange {

		public Classification classification() {
			if (this.newTable || this.concurrently) {
				return (this.index.unique()) ? Classification.dataDependent("fails if existing rows hold duplicates")
						: Classification.safe(this.newTable ? "on a new table" : "built concurrently");
			}
			return this.index.unique() ? Classification.dataDependent("fails if existing rows hold duplicates")
					: Classification.locking("blocks writes to the table while the index builds");
		}

		public Change inverse() {
			return new DropIndex(this.table, this.index, this.concurrently);
		}

		public String description() {
			return "create " + (this.index.unique() ? "unique " : "") + "index " + this.index.name() + " on "
					+ this.table + " " + this.index.keys();
		}

		public Phase phase() {
			return Phase.ADD_CONSTRAINTS_AND_INDEXES;
		}

	}

	/** Drops an index, concurrently when asked to (outside a transaction). */
	record DropIndex(QualifiedName table, Index index, boolean concurrently) implements ConstraintChange {

		public Classification classification() {
			return Classification.safe("drops an index, not data");
		}

		public Change inverse() {
			return new CreateIndex(this.table, this.index, false, this.concurrently);
		}

		public String description() {
			return "drop index " + this.index.name() + " on " + this.table;
		}

		public Phase phase() {
			return Phase.DROP_CONSTRAINTS_AND_INDEXES;
		}

	}

	/**
	 * Replaces an index by a changed one of the same name without blocking writes: the
	 * new one is built concurrently under a temporary name, the old one dropped
	 * concurrently, and the new one renamed. Only online; otherwise a changed index is
	 * dropped and created.
	 *
	 * @param table the table
	 * @param from the index as it is
	 * @param to the index as it should be, under the same name
	 * @param temporaryName the name the new index is built under
	 */
	record ReplaceIndex(QualifiedName table, Index from, Index to, String temporaryName) implements ConstraintChange {

		public Classification classification() {
			return this.to.unique() ? Classification.dataDependent("fails if existing rows hold duplicates")
					: Classification.safe("built concurrently beside the old index, then swapped");
		}

		public Change inverse() {
			return new ReplaceIndex(this.table, this.to, this.from, this.temporaryName);
		}

		public String description() {
			return "replace index " + this.to.name() + " on " + this.table + " " + this.from.keys() + " by "
					+ (this.to.unique() ? "unique " : "") + this.to.keys()
					+ ((this.to.predicate() != null) ? " where " + this.to.predicate() : "");
		}

		public Phase phase() {
			return Phase.ADD_CONSTRAINTS_AND_INDEXES;
		}

	}

	/** Adds a check constraint, NOT VALID then validated when asked to. */
	record AddCheck(QualifiedName table, CheckConstraint check, boolean newTable,
			boolean online) implements ConstraintChange {

		public Classification classification() {
			return this.newTable ? Classification.safe("on a new table")
					: Classification.dataDependent("fails if existing rows violate the condition");
		}

		public Change inverse() {
			return new DropCheck(this.table, this.check, this.online);
		}

		public String description() {
			return "add check (" + this.check.expression() + ") to " + this.table;
		}

		public Phase phase() {
			return Phase.ADD_CONSTRAINTS_AND_INDEXES;
		}

	}

	/**
	 * Drops a check constraint; online, its inverse adds it back {@code NOT VALID} then
	 * validated.
	 */
	record DropCheck(QualifiedName table, CheckConstraint check, boolean online) implements ConstraintChange {

		public Classification classification() {
			return Classification.safe("drops a constraint, not data");
		}

		public Change inverse() {
			return new AddCheck(this.table, this.check, false, this.online);
		}

		public String description() {
			return "drop check " + this.check.name() + " of " + this.table;
		}

		public Phase phase() {
			return Phase.DROP_CONSTRAINTS_AND_INDEXES;
		}

	}

	/**
	 * Adds a foreign key, NOT VALID then validated when asked to.
	 *
	 * @param table the table
	 * @param foreignKey the foreign key
	 * @param newTable whether the table is new in this revision
	 * @param online whether to add it NOT VALID and validate it on its own
	 * @param newColumns whether its columns are new in this revision, nullable and
	 * without a default, so that every row holds NULL there and none can violate it
	 */
	record AddForeignKey(QualifiedName table, ForeignKey foreignKey, boolean newTable, boolean online,
			boolean newColumns) implements ConstraintChange {

		public AddForeignKey(QualifiedName table, ForeignKey foreignKey, boolean newTable, boolean online) {
			this(table, foreignKey, newTable, online, false);
		}

		public Classification classification() {
			if (this.newTable) {
				return Classification.safe("on a new table");
			}
			return this.newColumns ? Classification.safe("on columns new in this revision, which hold only NULLs")
					: Classification.dataDependent("fails if existing rows reference missing keys");
		}

		public Change inverse() {
			return new DropForeignKey(this.table, this.foreignKey, this.online);
		}

		public String description() {
			return "add foreign key " + this.foreignKey.columns() + " of " + this.table + " to "
					+ this.foreignKey.referencedTable() + " " + this.foreignKey.referencedColumns();
		}

		public Phase phase() {
			return Phase.ADD_FOREIGN_KEYS;
		}

	}

	/**
	 * Drops a foreign key; online, its inverse adds it back {@code NOT VALID} then
	 * validated.
	 */
	record DropForeignKey(QualifiedName table, ForeignKey foreignKey, boolean online) implements ConstraintChange {

		public Classification classification() {
			return Classification.safe("drops a constraint, not data");
		}

		public Change inverse() {
			return new AddForeignKey(this.table, this.foreignKey, false, this.online);
		}

		public String description() {
			return "drop foreign key " + this.foreignKey.columns() + " of " + this.table;
		}

		public Phase phase() {
			return Phase.DROP_FOREIGN_KEYS;
		}

	}

}

package dev.migrate.core.diff;

import java.util.List;

import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Sequence;

/**
 * One step from the actual schema towards the desired one. Every change can say how safe
 * it is, where it goes in the order of a migration, and what undoes it.
 * <p>
 * Schema-wide changes are here; table and constraint changes are in {@link TableChange}
 * and {@link ConstraintChange}.
 */
public sealed interface Change
		permits Change.CreateSchema, Change.DropSchema, Change.CreateSequence, Change.DropSequence,
		Change.AlterSequence, Change.CreateEnumType, Change.DropEnumType, Change.ChangeEnumLabels, TableChange {

	/**
	 * Return how safe this change is, and why.
	 * @return the classification
	 */
	Classification classification();

	/**
	 * Return the change that undoes this one.
	 * @return the inverse
	 */
	Change inverse();

	/**
	 * Return a one-line description for people.
	 * @return the description
	 */
	String description();

	/**
	 * Return this change's place in a migration: lower phases run first (e.g. foreign
	 * keys are dropped before tables, tables are created before foreign keys point at
	 * them).
	 * @return the phase
	 */
	Phase phase();

	/** Creates a database schema. */
	record CreateSchema(String name) implements Change {

		public Classification classification() {
			return Classification.safe("creates an empty schema");
		}

		public Change inverse() {
			return new DropSchema(this.name);
		}

		public String description() {
			return "create schema " + this.name;
		}

		public Phase phase() {
			return Phase.CREATE_SCHEMAS;
		}

	}

	/**
	 * Drops an (empty) database schema; only ever the inverse of {@link CreateSchema}.
	 */
	record DropSchema(String name) implements Change {

		public Classification classification() {
			return Classification.destructive("drops the schema");
		}

		public Change inverse() {
			return new CreateSchema(this.name);
		}

		public String description() {
			return "drop schema " + this.name;
		}

		public Phase phase() {
			return Phase.DROP_SCHEMAS;
		}

	}

	/** Creates a sequence. */
	record CreateSequence(Sequence sequence) implements Change {

		public Classification classification() {
			return Classification.safe("creates a new sequence");
		}

		public Change inverse() {
			return new DropSequence(this.sequence);
		}

		public String description() {
			return "create sequence " + this.sequence.name() + " start " + this.sequence.start() + " increment "
					+ this.sequence.increment();
		}

		public Phase phase() {
			return Phase.CREATE_TYPES_AND_SEQUENCES;
		}

	}

	/** Drops a sequence. */
	record DropSequence(Sequence sequence) implements Change {

		public Classification classification() {
			return Classification.destructive("drops the sequence and its current value");
		}

		public Change inverse() {
			return new CreateSequence(this.sequence);
		}

		public String description() {
			return "drop sequence " + this.sequence.name();
		}

		public Phase phase() {
			return Phase.DROP_TYPES_AND_SEQUENCES;
		}

	}

	/**
	 * Changes a sequence's increment (the diff keeps an existing sequence's start: it
	 * only matters when the sequence is created).
	 */
	record AlterSequence(Sequence from, Sequence to) implements Change {

		public Classification classification() {
			return Classification.safe("changes how the sequence counts; values already taken stay");
		}

		public Change inverse() {
			return new AlterSequence(this.to, this.from);
		}

		public String description() {
			return "alter sequence " + this.to.name()
					+ ((this.from.start() != this.to.start()) ? " start " + this.to.start() : "") + " increment "
					+ this.to.increment();
		}

		public Phase phase() {
			return Phase.CREATE_TYPES_AND_SEQUENCES;
		}

	}

	/** Creates an enumerated type. */
	record CreateEnumType(EnumType type) implements Change {

		public Classification classification() {
			return Classification.safe("creates a new type");
		}

		public Change inverse() {
			return new DropEnumType(this.type);
		}

		public String description() {
			return "create enum type " + this.type.name() + " " + this.type.labels();
		}

		public Phase phase() {
			return Phase.CREATE_TYPES_AND_SEQUENCES;
		}

	}

	/** Drops an enumerated type. */
	record DropEnumType(EnumType type) implements Change {

		public Classification classification() {
			return Classification.destructive("drops the type");
		}

		public Change inverse() {
			return new CreateEnumType(this.type);
		}

		public String description() {
			return "drop enum type " + this.type.name();
		}

		public Phase phase() {
			return Phase.DROP_TYPES_AND_SEQUENCES;
		}

	}

	/**
	 * Changes the labels of an enumerated type. Appending labels is an {@code ADD VALUE};
	 * anything else recreates the type and converts the columns that use it.
	 *
	 * @param from the type as it is
	 * @param to the type as it should be
	 * @param users the columns of that type, which a recreation must convert
	 */
	record ChangeEnumLabels(EnumType from, EnumType to, List<ColumnRef> users) implements Change {

		public boolean onlyAddsLabels() {
			return this.to.labels().containsAll(this.from.labels()) && this.to.labels()
				.stream()
				.filter(this.from.labels()::contains)
				.toList()
				.equals(this.from.labels());
		}

		public Classification classification() {
			return onlyAddsLabels() ? Classification.safe("adds labels; existing values stay valid")
					: Classification.destructive("removes or reorders labels; rows holding a removed label fail");
		}

		public Change inverse() {
			return new ChangeEnumLabels(this.to, this.from, this.users);
		}

		public String description() {
			return "change labels of enum type " + this.to.name() + " from " + this.from.labels() + " to "
					+ this.to.labels();
		}

		public Phase phase() {
			return Phase.CREATE_TYPES_AND_SEQUENCES;
		}

	}

	/**
	 * A column of a table.
	 *
	 * @param table the table
	 * @param column the column name
	 */
	record ColumnRef(QualifiedName table, String column) {

	}

}

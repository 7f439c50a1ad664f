package dev.migrate.core.diff;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.migrate.core.schema.CheckConstraint;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.Declarations;
import dev.migrate.core.schema.Index;
import org.jspecify.annotations.Nullable;

/**
 * Writes the expressions of a change as people read them: what a change adds as the
 * entities declare it, what a rollback puts back as the database stored it (so that it is
 * stored the same again). The diff compares canonical forms; these are only how they are
 * written.
 */
final class WrittenForms {

	/** What the desired model declares: how expressions are written, column order. */
	private final Declarations declared;

	/**
	 * What the actual model declares (e.g. expressions as the database stores them, and
	 * column order).
	 */
	private final Declarations existing;

	/** The columns renamed in the table being altered, old name to new. */
	private Map<String, String> columnRenames = Map.of();

	WrittenForms(Declarations declared, Declarations existing) {
		this.declared = declared;
		this.existing = existing;
	}

	/**
	 * Set the columns renamed in the table whose changes are written next.
	 * @param columnRenames old name to new
	 */
	void renamedColumns(Map<String, String> columnRenames) {
		this.columnRenames = columnRenames;
	}

	/** An index with its expressions written as declared. */
	Index declared(Index index) {
		return written(index, this.declared::expression);
	}

	/** A check with its expression written as declared. */
	CheckConstraint declared(CheckConstraint check) {
		return new CheckConstraint(check.name(), this.declared.expression(check.expression()));
	}

	/**
	 * The column with its default written as declared.
	 */
	Column declared(Column column) {
		return (column.defaultValue() != null) ? new Column(column.name(), column.type(), column.nullable(),
				declaredDefault(column.defaultValue()), column.identity(), column.comment()) : column;
	}

	/**
	 * A default as declared, unless that would classify differently (whether it is a
	 * constant decides whether adding it rewrites the table).
	 */
	String declaredDefault(String canonical) {
		String declared = this.declared.expression(canonical);
		return (Expressions.isConstant(declared) == Expressions.isConstant(canonical)) ? declared : canonical;
	}

	/** An index of the actual table as the database has it. */
	Index existing(Index index) {
		return written(index, this::existing);
	}

	/** A check of the actual table as the database has it. */
	CheckConstraint existing(CheckConstraint check) {
		return new CheckConstraint(check.name(), existing(check.expression()));
	}

	/** A column of the actual table with its default as the database has it. */
	Column existing(Column column) {
		return (column.defaultValue() != null) ? new Column(column.name(), column.type(), column.nullable(),
				existingDefault(column.defaultValue()), column.identity(), column.comment()) : column;
	}

	@Nullable String existingDefault(@Nullable String canonical) {
		if (canonical == null) {
			return null;
		}
		String stored = existing(canonical);
		return (Expressions.isConstant(stored) == Expressions.isConstant(canonical)) ? stored : canonical;
	}

	/**
	 * An expression of the actual table as the database stores it; with the columns
	 * renamed in this revision under their new names, as the expression given is.
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

}

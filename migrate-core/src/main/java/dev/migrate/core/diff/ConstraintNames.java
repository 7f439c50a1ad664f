package dev.migrate.core.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.migrate.core.schema.CheckConstraint;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Table;
import dev.migrate.core.schema.UniqueConstraint;

/**
 * Names the keys, constraints and indexes a diff adds without a name, as the database
 * would name them, and without taking a name the schema already uses.
 */
final class ConstraintNames {

	private final Naming naming;

	/**
	 * Index names (of primary keys, unique constraints and indexes) in the database, by
	 * schema and name, with the table that has them.
	 */
	private final Map<QualifiedName, QualifiedName> indexNames = new HashMap<>();

	/** Check names in the database and given in this diff, by table. */
	private final Map<QualifiedName, Set<String>> checkNames = new HashMap<>();

	ConstraintNames(Naming naming, Collection<Table> actualTables) {
		this.naming = naming;
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

	PrimaryKey named(QualifiedName table, PrimaryKey key) {
		return (key.name() != null) ? key
				: new PrimaryKey(unusedIndexName(table, this.naming.primaryKey(table)), key.columns());
	}

	UniqueConstraint named(QualifiedName table, UniqueConstraint unique) {
		return (unique.name() != null) ? unique : new UniqueConstraint(
				unusedIndexName(table, this.naming.unique(table, unique.columns())), unique.columns());
	}

	Index named(QualifiedName table, Index index) {
		return (index.name() != null) ? index
				: new Index(
						unusedIndexName(table,
								this.naming.index(table, index.keys().stream().map(Index.Key::expression).toList())),
						index.keys(), index.unique(), index.predicate());
	}

	/**
	 * Named as PostgreSQL would name it, from the canonical form; the name is taken.
	 */
	CheckConstraint named(QualifiedName table, CheckConstraint check) {
		Set<String> taken = checkNames(table);
		String name = (check.name() != null) ? check.name()
				: this.naming.unused(this.naming.check(table, check.expression()), taken::contains);
		taken.add(name);
		return new CheckConstraint(name, check.expression());
	}

	/** The name a check gets, without taking it. */
	String nameOf(QualifiedName table, CheckConstraint check) {
		return (check.name() != null) ? check.name() : this.naming.check(table, check.expression());
	}

	ForeignKey named(QualifiedName table, ForeignKey fk) {
		return (fk.name() != null) ? fk : new ForeignKey(this.naming.foreignKey(table, fk.columns()), fk.columns(),
				fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate());
	}

	/** The name of the index that replaces one online. */
	String replacement(String index) {
		return this.naming.replacement(index);
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

	private Set<String> checkNames(QualifiedName table) {
		return this.checkNames.computeIfAbsent(table, (key) -> new HashSet<>());
	}

}

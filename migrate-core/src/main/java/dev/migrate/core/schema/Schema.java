package dev.migrate.core.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The schema objects of a database (or of a set of entities) across one or more database
 * schemas, in one canonical form.
 *
 * @param schemas the database schemas this model covers
 * @param tables the tables, by name
 * @param sequences the sequences not owned by identity columns, by name
 * @param enumTypes the enumerated types, by name
 * @param declarations what the model declares about itself beyond the schema, e.g. the
 * entities' renames, check conditions as written and column order
 */
public record Schema(SortedSet<String> schemas, List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes,
		Declarations declarations) {

	public Schema {
		schemas = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(schemas));
		tables = Table.sorted(tables, Comparator.comparing(Table::name));
		sequences = Table.sorted(sequences, Comparator.comparing(Sequence::name));
		enumTypes = Table.sorted(enumTypes, Comparator.comparing(EnumType::name));
	}

	public Schema(SortedSet<String> schemas, List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes) {
		this(schemas, tables, sequences, enumTypes, Declarations.none());
	}

	/**
	 * Return the table with the given name.
	 * @param name the table name
	 * @return the table, if the schema has it
	 */
	public Optional<Table> table(QualifiedName name) {
		return this.tables.stream().filter((table) -> table.name().equals(name)).findFirst();
	}

}

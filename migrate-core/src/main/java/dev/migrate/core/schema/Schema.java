package dev.migrate.core.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * @param declaredRenames renames the model declares about itself, e.g. entities annotated
 * with where a table or column was renamed from, as
 * {@code schema.table.old_column=new_column} or {@code schema.old_table=new_table}
 * @param declaredExpressions check conditions as the model declared them, by their
 * canonical form: compared canonically, written as declared, so that the database stores
 * what it would store for the model's own DDL
 */
public record Schema(SortedSet<String> schemas, List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes,
		List<String> declaredRenames, Map<String, String> declaredExpressions) {

	public Schema {
		schemas = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(schemas));
		tables = Table.sorted(tables, Comparator.comparing(Table::name));
		sequences = Table.sorted(sequences, Comparator.comparing(Sequence::name));
		enumTypes = Table.sorted(enumTypes, Comparator.comparing(EnumType::name));
		declaredRenames = List.copyOf(declaredRenames);
		declaredExpressions = Map.copyOf(declaredExpressions);
	}

	public Schema(SortedSet<String> schemas, List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes) {
		this(schemas, tables, sequences, enumTypes, List.of(), Map.of());
	}

	public Schema(SortedSet<String> schemas, List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes,
			List<String> declaredRenames) {
		this(schemas, tables, sequences, enumTypes, declaredRenames, Map.of());
	}

	/**
	 * Return an expression as the model declared it.
	 * @param canonical the expression in canonical form
	 * @return the declared form, or the canonical one if none was declared
	 */
	public String declared(String canonical) {
		return this.declaredExpressions.getOrDefault(canonical, canonical);
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

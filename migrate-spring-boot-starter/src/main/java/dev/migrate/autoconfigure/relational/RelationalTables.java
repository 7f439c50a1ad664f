package dev.migrate.autoconfigure.relational;

import java.util.List;

import dev.migrate.core.schema.Sequence;
import dev.migrate.core.schema.Table;

/**
 * The tables and sequences of a store's Spring Data Relational aggregates, each table
 * with the mapping it comes from (for messages).
 *
 * @param tables the tables
 * @param sequences the sequences that {@code @Sequence} ids draw from
 */
public record RelationalTables(List<MappedTable> tables, List<Sequence> sequences) {

	public RelationalTables {
		tables = List.copyOf(tables);
		sequences = List.copyOf(sequences);
	}

	/**
	 * A table and the mapping it comes from.
	 *
	 * @param table the table
	 * @param mapping the class (aggregate root) or property (child table) that maps it
	 */
	public record MappedTable(Table table, String mapping) {

	}

}

package dev.migrate.relational;

import java.util.List;
import java.util.Map;

import dev.migrate.core.schema.Sequence;
import dev.migrate.core.schema.Table;

/**
 * The tables and sequences of a store's Spring Data Relational aggregates, each table
 * with the mapping it comes from (for messages).
 *
 * @param tables the tables
 * @param sequences the sequences that {@code @Sequence} ids draw from
 * @param renames the renames {@code @RenamedFrom} declares, as {@code migrate.renames}
 * entries
 * @param backfills the values {@code @Backfill} declares, by {@code schema.table.column}
 */
public record RelationalTables(List<MappedTable> tables, List<Sequence> sequences, List<String> renames,
		Map<String, String> backfills) {

	public RelationalTables {
		tables = List.copyOf(tables);
		sequences = List.copyOf(sequences);
		renames = List.copyOf(renames);
		backfills = Map.copyOf(backfills);
	}

	/**
	 * Create a new instance without renames and backfills.
	 * @param tables the tables
	 * @param sequences the sequences
	 */
	public RelationalTables(List<MappedTable> tables, List<Sequence> sequences) {
		this(tables, sequences, List.of(), Map.of());
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

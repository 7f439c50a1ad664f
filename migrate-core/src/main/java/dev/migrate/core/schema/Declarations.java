package dev.migrate.core.schema;

import java.util.List;
import java.util.Map;

/**
 * What a model says about itself beyond the schema it describes, e.g. what entities
 * declare: it guides how a difference is written, never whether there is one.
 *
 * @param renames renames the model declares, e.g. entities annotated with where a table
 * or column was renamed from, as {@code schema.table.old_column=new_column} or
 * {@code schema.old_table=new_table}
 * @param expressions check conditions as the model declared them, by their canonical
 * form: compared canonically, written as declared, so that the database stores what it
 * would store for the model's own DDL
 * @param columnOrder each table's columns in the order the model declares them
 * @param backfills values for the existing rows of a column that becomes NOT NULL without
 * a default, by {@code schema.table.column}
 */
public record Declarations(List<String> renames, Map<String, String> expressions,
		Map<QualifiedName, List<String>> columnOrder, Map<String, String> backfills) {

	public Declarations {
		renames = List.copyOf(renames);
		expressions = Map.copyOf(expressions);
		columnOrder = Map.copyOf(columnOrder);
		backfills = Map.copyOf(backfills);
	}

	public Declarations(List<String> renames, Map<String, String> expressions,
			Map<QualifiedName, List<String>> columnOrder) {
		this(renames, expressions, columnOrder, Map.of());
	}

	/**
	 * Return declarations that say nothing.
	 * @return no declarations
	 */
	public static Declarations none() {
		return new Declarations(List.of(), Map.of(), Map.of(), Map.of());
	}

	/**
	 * Return an expression as the model declared it.
	 * @param canonical the expression in canonical form
	 * @return the declared form, or the canonical one if none was declared
	 */
	public String expression(String canonical) {
		return this.expressions.getOrDefault(canonical, canonical);
	}

	/**
	 * Return a table's columns in the order the model declares them.
	 * @param table the table
	 * @return the column names, empty if the model declares no order
	 */
	public List<String> columnOrder(QualifiedName table) {
		return this.columnOrder.getOrDefault(table, List.of());
	}

}

package dev.migrate.core.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A column's type in canonical form: the database's own name for the type (e.g.
 * {@code int4}, {@code varchar}, {@code timestamptz}), its arguments (length, precision,
 * scale), and whether it is an array of that type. Spellings that mean the same type have
 * one canonical form, so {@code varchar(255)} and {@code character varying(255)} are
 * equal.
 *
 * @param name the canonical type name; for a user-defined type, its schema-qualified name
 * @param arguments the type's arguments, e.g. {@code [38, 2]} for {@code numeric(38,2)}
 * @param array whether the column holds an array of the type
 */
public record ColumnType(String name, List<Integer> arguments, boolean array) {

	public ColumnType {
		arguments = List.copyOf(arguments);
	}

	public static ColumnType of(String name, Integer... arguments) {
		return new ColumnType(name, List.of(arguments), false);
	}

	/**
	 * Return the type as SQL, e.g. {@code numeric(10,2)} or {@code int4[]}.
	 * @return the SQL form
	 */
	public String sql() {
		String args = this.arguments.isEmpty() ? ""
				: this.arguments.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
		return this.name + args + (this.array ? "[]" : "");
	}

	@Override
	public String toString() {
		return sql();
	}

}

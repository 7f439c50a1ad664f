package dev.migrate.core.diff;

import java.util.List;
import java.util.function.Predicate;

import dev.migrate.core.schema.QualifiedName;

/**
 * The names a database gives the constraints and indexes that the entities leave unnamed,
 * within its identifier limits, and the names Migrate's own temporary objects take there.
 */
public interface Naming {

	/**
	 * Return the name of a table's primary key.
	 * @param table the table
	 * @return the name
	 */
	String primaryKey(QualifiedName table);

	/**
	 * Return the name of a unique constraint.
	 * @param table the table
	 * @param columns its columns
	 * @return the name
	 */
	String unique(QualifiedName table, List<String> columns);

	/**
	 * Return the name of an index.
	 * @param table the table
	 * @param keys its key expressions
	 * @return the name
	 */
	String index(QualifiedName table, List<String> keys);

	/**
	 * Return the name of a foreign key.
	 * @param table the referencing table
	 * @param columns its columns
	 * @return the name
	 */
	String foreignKey(QualifiedName table, List<String> columns);

	/**
	 * Return the name of a check constraint.
	 * @param table the table
	 * @param expression its condition
	 * @return the name
	 */
	String check(QualifiedName table, String expression);

	/**
	 * Return the name of the check that proves a column NOT NULL while it is set online.
	 * @param table the table
	 * @param column the column
	 * @return the name
	 */
	String notNullCheck(QualifiedName table, String column);

	/**
	 * Return the name a changed index is built under before it replaces the old one.
	 * @param index the index's name
	 * @return the temporary name
	 */
	String replacement(String index);

	/**
	 * Return {@code name}, or the first variant of it that is not taken, as the database
	 * itself chooses a name for an unnamed constraint.
	 * @param name the name
	 * @param taken whether a name is taken
	 * @return the name to use
	 */
	String unused(String name, Predicate<String> taken);

}

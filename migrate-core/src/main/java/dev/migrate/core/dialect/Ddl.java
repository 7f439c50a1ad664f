package dev.migrate.core.dialect;

import java.util.List;
import java.util.Optional;

import dev.migrate.core.diff.Change;
import dev.migrate.core.schema.QualifiedName;

/**
 * The SQL a database runs for the changes that Liquibase has no structured change for,
 * for the online recipes, and for the guards of a baseline or a squash.
 */
public interface Ddl {

	/**
	 * Return the SQL for a change, written as {@code sql} in a revision.
	 * @param change the change
	 * @return the SQL, one or more statements separated by {@code ;} and a new line
	 * @throws IllegalArgumentException if the dialect has no SQL for the change
	 */
	String sql(Change change);

	/**
	 * Return the online recipe for a change, if it has one on this database: statements
	 * that each commit on their own so that no strong lock is held while the table is
	 * scanned or an index is built.
	 * @param change the change
	 * @return the recipe
	 */
	Optional<OnlineRecipe> onlineRecipe(Change change);

	/**
	 * Return whether a change, or the change that undoes it, must run outside a
	 * transaction, so that it needs a changeset of its own.
	 * @param change the change
	 * @return whether it runs outside a transaction
	 */
	boolean runsOutsideTransaction(Change change);

	/**
	 * Return the statement that replaces the NULLs of a column before it becomes NOT
	 * NULL.
	 * @param table the table
	 * @param column the column
	 * @param value the SQL expression to write instead of NULL
	 * @return the statement
	 */
	String backfill(QualifiedName table, String column, String value);

	/**
	 * Return a query that guards a baseline: 0 where the database has none of its tables
	 * (it must run), 1 where it has all of them (it is recorded as applied), an error
	 * that says so where it has only some.
	 * @param tables the tables the baseline creates
	 * @param fileName the baseline's file name, for the error
	 * @return the query
	 */
	String baselineGuard(List<QualifiedName> tables, String fileName);

	/**
	 * Return a query that guards a squash: 0 where the database applied none of the
	 * squashed changesets, 1 where it applied all of them, an error that says what to do
	 * where it applied only some.
	 * @param squashedFiles the file names of the squashed revisions
	 * @param changeSets how many changesets they have
	 * @param fileName the squash's file name
	 * @param last the last squashed revision
	 * @return the query
	 */
	String squashGuard(List<String> squashedFiles, int changeSets, String fileName, String last);

	/**
	 * Return a statement that fails with the given message, e.g. the rollback of a
	 * revision that must not be rolled back.
	 * @param message the message
	 * @return the statement
	 */
	String fail(String message);

}

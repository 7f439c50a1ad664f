package dev.migrate.core.diff;

/**
 * How safe a change is to apply to a database that holds data, from least to most
 * dangerous.
 */
public enum Safety {

	/** Cannot fail because of existing rows and holds no long lock. */
	SAFE,

	/**
	 * Holds a long exclusive lock on PostgreSQL (e.g. a table rewrite or index build).
	 */
	LOCKING,

	/**
	 * Can fail on existing rows (e.g. a new NOT NULL without default, a new unique key).
	 */
	DATA_DEPENDENT,

	/**
	 * Loses data (drops a table or column, narrows a type). Never applied unless allowed.
	 */
	DESTRUCTIVE

}

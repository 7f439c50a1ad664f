package dev.migrate.core.diff;

/**
 * The order in which kinds of change run, so that nothing refers to what does not exist
 * yet or blocks what must go: a diff's changes are sorted by phase, earlier first.
 */
public enum Phase {

	/**
	 * Create schemas.
	 */
	CREATE_SCHEMAS,

	/**
	 * Create enum types and sequences.
	 */
	CREATE_TYPES_AND_SEQUENCES,

	/**
	 * Rename tables and columns. Renames come before the drops: the diff names what it
	 * drops by the new names of renamed tables and columns.
	 */
	RENAMES,

	/**
	 * Drop foreign keys.
	 */
	DROP_FOREIGN_KEYS,

	/**
	 * Drop other constraints and indexes.
	 */
	DROP_CONSTRAINTS_AND_INDEXES,

	/**
	 * Create tables.
	 */
	CREATE_TABLES,

	/**
	 * Add and alter columns.
	 */
	ADD_AND_ALTER_COLUMNS,

	/**
	 * Drop columns.
	 */
	DROP_COLUMNS,

	/**
	 * Add constraints (other than foreign keys) and indexes.
	 */
	ADD_CONSTRAINTS_AND_INDEXES,

	/**
	 * Add foreign keys, once every table they need exists.
	 */
	ADD_FOREIGN_KEYS,

	/**
	 * Drop tables.
	 */
	DROP_TABLES,

	/**
	 * Drop enum types and sequences.
	 */
	DROP_TYPES_AND_SEQUENCES,

	/**
	 * Set and remove comments.
	 */
	COMMENTS,

	/**
	 * Drop schemas.
	 */
	DROP_SCHEMAS

}

package dev.migrate.core.diff;

/**
 * The order in which kinds of change run, so that nothing refers to what does not exist
 * yet or blocks what must go.
 */
final class Phases {

	static final int CREATE_SCHEMAS = 0;

	static final int CREATE_TYPES_AND_SEQUENCES = 1;

	/**
	 * Renames come before the drops: the diff names what it drops by the new names of
	 * renamed tables and columns.
	 */
	static final int RENAMES = 2;

	static final int DROP_FOREIGN_KEYS = 3;

	static final int DROP_CONSTRAINTS_AND_INDEXES = 4;

	static final int CREATE_TABLES = 5;

	static final int ADD_AND_ALTER_COLUMNS = 6;

	static final int DROP_COLUMNS = 7;

	static final int ADD_CONSTRAINTS_AND_INDEXES = 8;

	static final int ADD_FOREIGN_KEYS = 9;

	static final int DROP_TABLES = 10;

	static final int DROP_TYPES_AND_SEQUENCES = 11;

	static final int COMMENTS = 12;

	static final int DROP_SCHEMAS = 13;

	private Phases() {
	}

}

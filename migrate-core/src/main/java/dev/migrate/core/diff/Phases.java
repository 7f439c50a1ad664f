package dev.migrate.core.diff;

/**
 * The order in which kinds of change run, so that nothing refers to what does not exist
 * yet or blocks what must go. Internal: public only because the changelog writer groups
 * changes by them; not API.
 */
public final class Phases {

	public static final int CREATE_SCHEMAS = 0;

	public static final int CREATE_TYPES_AND_SEQUENCES = 1;

	/**
	 * Renames come before the drops: the diff names what it drops by the new names of
	 * renamed tables and columns.
	 */
	public static final int RENAMES = 2;

	public static final int DROP_FOREIGN_KEYS = 3;

	public static final int DROP_CONSTRAINTS_AND_INDEXES = 4;

	public static final int CREATE_TABLES = 5;

	public static final int ADD_AND_ALTER_COLUMNS = 6;

	public static final int DROP_COLUMNS = 7;

	public static final int ADD_CONSTRAINTS_AND_INDEXES = 8;

	public static final int ADD_FOREIGN_KEYS = 9;

	public static final int DROP_TABLES = 10;

	public static final int DROP_TYPES_AND_SEQUENCES = 11;

	public static final int COMMENTS = 12;

	public static final int DROP_SCHEMAS = 13;

	private Phases() {
	}

}

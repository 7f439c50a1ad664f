package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.List;

/**
 * What Migrate compares, generates and applies ({@code migrate.diff.*}).
 */
public class MigrateDiffProperties {

	/**
	 * Whether destructive changes (drops, narrowing types) may be applied.
	 */
	private boolean allowDestructive = false;

	/**
	 * Whether to generate online recipes for changes that would hold a strong lock while
	 * they scan or build: indexes built and dropped concurrently, unique constraints and
	 * primary keys through unique indexes built concurrently, changed indexes built under
	 * a temporary name and swapped, NOT NULL proven by a validated check, and checks and
	 * foreign keys added NOT VALID then validated. On by default for production safety:
	 * the recipes apply only to tables that exist, so a new table's indexes and
	 * constraints are still created plainly with it. False writes plain DDL, e.g. for a
	 * database no application uses while it migrates.
	 */
	private boolean online = true;

	/**
	 * Renames to make instead of a drop and an add, keeping the data:
	 * "[schema.]table.old_column=new_column" for a column, "[schema.]old_table=new_table"
	 * for a table.
	 */
	private List<String> renames = new ArrayList<>();

	/**
	 * Drop and add pairs that look like renames but are not, in the form of
	 * migrate.diff.renames, so that Migrate drops and adds without asking.
	 */
	private List<String> notRenames = new ArrayList<>();

	/**
	 * Values for the existing rows of a column that becomes NOT NULL without a default:
	 * "[schema.]table.column=expression", e.g. "users.score=0"; the column is added
	 * nullable, filled, then made NOT NULL.
	 */
	private List<String> backfills = new ArrayList<>();

	/**
	 * Patterns of tables no entity maps that Migrate may drop, e.g. "public.*".
	 */
	private List<String> includeTables = new ArrayList<>();

	/**
	 * Patterns of tables Migrate never touches.
	 */
	private List<String> excludeTables = new ArrayList<>();

	/**
	 * Patterns of mapped tables (as for include-tables, e.g. "*" or "public.orders")
	 * whose indexes, unique keys, checks and foreign keys that no entity declares and no
	 * generated revision created Migrate may drop. By default they are kept and reported.
	 */
	private List<String> dropUnmapped = new ArrayList<>();

	public boolean isAllowDestructive() {
		return this.allowDestructive;
	}

	public void setAllowDestructive(boolean allowDestructive) {
		this.allowDestructive = allowDestructive;
	}

	public boolean isOnline() {
		return this.online;
	}

	public void setOnline(boolean online) {
		this.online = online;
	}

	public List<String> getRenames() {
		return this.renames;
	}

	public void setRenames(List<String> renames) {
		this.renames = renames;
	}

	public List<String> getNotRenames() {
		return this.notRenames;
	}

	public void setNotRenames(List<String> notRenames) {
		this.notRenames = notRenames;
	}

	public List<String> getBackfills() {
		return this.backfills;
	}

	public void setBackfills(List<String> backfills) {
		this.backfills = backfills;
	}

	public List<String> getIncludeTables() {
		return this.includeTables;
	}

	public void setIncludeTables(List<String> includeTables) {
		this.includeTables = includeTables;
	}

	public List<String> getExcludeTables() {
		return this.excludeTables;
	}

	public void setExcludeTables(List<String> excludeTables) {
		this.excludeTables = excludeTables;
	}

	public List<String> getDropUnmapped() {
		return this.dropUnmapped;
	}

	public void setDropUnmapped(List<String> dropUnmapped) {
		this.dropUnmapped = dropUnmapped;
	}

}

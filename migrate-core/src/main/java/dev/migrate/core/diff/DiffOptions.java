package dev.migrate.core.diff;

import java.util.List;
import java.util.regex.Pattern;

import dev.migrate.core.schema.QualifiedName;

/**
 * How to diff.
 *
 * @param includeTables patterns of database objects that the diff may drop although no
 * entity maps them (e.g. {@code public.*} or {@code audit_*}); by default objects no
 * entity maps are left alone
 * @param excludeTables patterns of database objects the diff never touches
 * @param renames confirmed renames
 * @param online whether to generate online recipes for changes that would hold a strong
 * lock while they scan or build
 * @param renameRules renames confirmed and denied in text, e.g. by configuration
 * @param backfills values for existing rows of columns that become NOT NULL without a
 * default, as {@code [schema.]table.column=expression}
 */
public record DiffOptions(List<String> includeTables, List<String> excludeTables, RenameHints renames, boolean online,
		RenameRules renameRules, List<String> backfills) {

	public DiffOptions {
		includeTables = List.copyOf(includeTables);
		excludeTables = List.copyOf(excludeTables);
		backfills = List.copyOf(backfills);
		List<String> malformed = backfills.stream().filter((entry) -> Backfills.parse(entry) == null).toList();
		if (!malformed.isEmpty()) {
			throw new IllegalArgumentException("Cannot read the backfill(s) " + malformed
					+ "; write [schema.]table.column=expression, e.g. users.score=0");
		}
	}

	public DiffOptions(List<String> includeTables, List<String> excludeTables, RenameHints renames, boolean online) {
		this(includeTables, excludeTables, renames, online, RenameRules.none(), List.of());
	}

	/**
	 * Return the default options: unmapped objects left alone, no renames, plain DDL.
	 * @return the options
	 */
	public static DiffOptions defaults() {
		return new DiffOptions(List.of(), List.of(), RenameHints.none(), false, RenameRules.none(), List.of());
	}

	public DiffOptions withIncludeTables(String... patterns) {
		return new DiffOptions(List.of(patterns), this.excludeTables, this.renames, this.online, this.renameRules,
				this.backfills);
	}

	public DiffOptions withExcludeTables(String... patterns) {
		return new DiffOptions(this.includeTables, List.of(patterns), this.renames, this.online, this.renameRules,
				this.backfills);
	}

	public DiffOptions withRenames(RenameHints hints) {
		return new DiffOptions(this.includeTables, this.excludeTables, hints, this.online, this.renameRules,
				this.backfills);
	}

	public DiffOptions withOnline(boolean online) {
		return new DiffOptions(this.includeTables, this.excludeTables, this.renames, online, this.renameRules,
				this.backfills);
	}

	public DiffOptions withRenameRules(RenameRules rules) {
		return new DiffOptions(this.includeTables, this.excludeTables, this.renames, this.online, rules,
				this.backfills);
	}

	public DiffOptions withBackfills(List<String> backfills) {
		return new DiffOptions(this.includeTables, this.excludeTables, this.renames, this.online, this.renameRules,
				backfills);
	}

	boolean excluded(QualifiedName name) {
		return matchesAny(this.excludeTables, name);
	}

	/**
	 * Return whether a table is one Migrate never touches.
	 * @param name the table
	 * @return whether an exclude pattern matches it
	 */
	public boolean excludes(QualifiedName name) {
		return excluded(name);
	}

	/**
	 * Return whether an object that exists only in the database may be dropped.
	 */
	boolean mayDrop(QualifiedName name) {
		return !excluded(name) && matchesAny(this.includeTables, name);
	}

	private static boolean matchesAny(List<String> patterns, QualifiedName name) {
		for (String pattern : patterns) {
			Pattern regex = Pattern.compile(pattern.replace(".", "\\.").replace("*", ".*"));
			if (regex.matcher(name.toString()).matches() || regex.matcher(name.name()).matches()) {
				return true;
			}
		}
		return false;
	}

}

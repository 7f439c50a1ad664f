package dev.migrate.core.diff;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migrate.core.schema.QualifiedName;
import org.jspecify.annotations.Nullable;

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
 * @param dropUnmapped patterns of mapped tables (as for {@code includeTables}) whose
 * indexes, unique keys, checks and foreign keys that no entity declares the diff may
 * drop; by default they are left alone and reported as {@linkplain SchemaDiff#unmapped()
 * unmapped}
 * @param createdObjects names of the indexes and constraints that generated revisions
 * created: the entities declared them, so the diff drops one when the entities stop
 * declaring it
 */
public record DiffOptions(List<String> includeTables, List<String> excludeTables, RenameHints renames, boolean online,
		RenameRules renameRules, List<String> backfills, List<String> dropUnmapped, Set<String> createdObjects) {

	public DiffOptions {
		includeTables = List.copyOf(includeTables);
		excludeTables = List.copyOf(excludeTables);
		backfills = List.copyOf(backfills);
		dropUnmapped = List.copyOf(dropUnmapped);
		createdObjects = Set.copyOf(createdObjects);
		List<String> malformed = backfills.stream().filter((entry) -> Backfills.parse(entry) == null).toList();
		if (!malformed.isEmpty()) {
			throw new IllegalArgumentException("Cannot read the backfill(s) " + malformed
					+ "; write [schema.]table.column=expression, e.g. users.score=0");
		}
	}

	public DiffOptions(List<String> includeTables, List<String> excludeTables, RenameHints renames, boolean online,
			RenameRules renameRules, List<String> backfills) {
		this(includeTables, excludeTables, renames, online, renameRules, backfills, List.of(), Set.of());
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
				this.backfills, this.dropUnmapped, this.createdObjects);
	}

	public DiffOptions withExcludeTables(String... patterns) {
		return new DiffOptions(this.includeTables, List.of(patterns), this.renames, this.online, this.renameRules,
				this.backfills, this.dropUnmapped, this.createdObjects);
	}

	public DiffOptions withRenames(RenameHints hints) {
		return new DiffOptions(this.includeTables, this.excludeTables, hints, this.online, this.renameRules,
				this.backfills, this.dropUnmapped, this.createdObjects);
	}

	public DiffOptions withOnline(boolean online) {
		return new DiffOptions(this.includeTables, this.excludeTables, this.renames, online, this.renameRules,
				this.backfills, this.dropUnmapped, this.createdObjects);
	}

	public DiffOptions withRenameRules(RenameRules rules) {
		return new DiffOptions(this.includeTables, this.excludeTables, this.renames, this.online, rules, this.backfills,
				this.dropUnmapped, this.createdObjects);
	}

	public DiffOptions withBackfills(List<String> backfills) {
		return new DiffOptions(this.includeTables, this.excludeTables, this.renames, this.online, this.renameRules,
				backfills, this.dropUnmapped, this.createdObjects);
	}

	public DiffOptions withDropUnmapped(String... patterns) {
		return new DiffOptions(this.includeTables, this.excludeTables, this.renames, this.online, this.renameRules,
				this.backfills, List.of(patterns), this.createdObjects);
	}

	public DiffOptions withCreatedObjects(Set<String> names) {
		return new DiffOptions(this.includeTables, this.excludeTables, this.renames, this.online, this.renameRules,
				this.backfills, this.dropUnmapped, names);
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

	/**
	 * Return whether an index or constraint that the entities do not declare may be
	 * dropped from a mapped table: a generated revision created it, or the table matches
	 * a drop-unmapped pattern.
	 */
	boolean mayDropUnmapped(QualifiedName table, @Nullable String name) {
		return (name != null && this.createdObjects.contains(name)) || matchesAny(this.dropUnmapped, table);
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

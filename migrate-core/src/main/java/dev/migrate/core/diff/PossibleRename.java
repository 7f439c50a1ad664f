package dev.migrate.core.diff;

import dev.migrate.core.schema.QualifiedName;
import org.jspecify.annotations.Nullable;

/**
 * A drop and an add that look like a rename. The diff does not guess: it drops and adds
 * until a {@link RenameHints rename hint} confirms.
 *
 * @param table the table (for a table rename, its old name)
 * @param from the old column name, or {@code null} for a table rename
 * @param to the new column name, or the new table name
 */
public record PossibleRename(QualifiedName table, @Nullable String from, String to) {

	/**
	 * Return the entry that confirms this rename in {@code migrate.diff.renames} (or
	 * denies it in {@code migrate.diff.not-renames}), e.g.
	 * {@code public.users.bio=about}.
	 * @return the entry
	 */
	public String entry() {
		return this.table + ((this.from != null) ? "." + this.from : "") + "=" + this.to;
	}

	@Override
	public String toString() {
		return (this.from != null) ? "column " + this.table + "." + this.from + " -> " + this.to
				: "table " + this.table + " -> " + this.to;
	}

}

package dev.migrate.core;

import java.util.List;

import dev.migrate.core.diff.PossibleRename;
import dev.migrate.core.exception.MigrateException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a drop and an add look like a rename that nothing confirms or denies: a
 * drop and add would lose the values (or rows) a rename keeps, so Migrate asks instead of
 * guessing, as Django's {@code makemigrations} does. The message names each pair, the
 * property line and the annotation that confirm it, and how to say it is not a rename.
 */
public class PossibleRenameException extends MigrateException {

	private final transient List<PossibleRename> possibleRenames;

	/**
	 * Create a new instance.
	 * @param possibleRenames the pairs to ask about
	 * @param written the revision written without them, or {@code null}
	 */
	public PossibleRenameException(List<PossibleRename> possibleRenames, @Nullable String written) {
		super(message(possibleRenames, written));
		this.possibleRenames = List.copyOf(possibleRenames);
	}

	/**
	 * Return the pairs asked about.
	 * @return the possible renames
	 */
	public List<PossibleRename> possibleRenames() {
		return this.possibleRenames;
	}

	private static String message(List<PossibleRename> renames, @Nullable String written) {
		StringBuilder message = new StringBuilder("Migrate found ").append(renames.size())
			.append(" drop and add pair(s) that look like a rename and left them out of the revision")
			.append((written != null) ? " it wrote (" + written + ")" : "")
			.append(": a drop and add would lose what a rename keeps.");
		for (PossibleRename rename : renames) {
			message.append("\n  ").append(rename).append(':');
			message.append("\n    to rename it, keeping the data, set migrate.diff.renames=").append(rename.entry());
			message.append("\n      (or annotate the ")
				.append((rename.from() != null) ? "field or getter of column " + rename.to()
						: "entity of table " + rename.to())
				.append(" with @dev.migrate.mapping.RenamedFrom(\"")
				.append((rename.from() != null) ? rename.from() : rename.table().name())
				.append("\"))");
			message.append("\n    if it is not a rename, set migrate.diff.not-renames=").append(rename.entry());
		}
		return message.append("\nthen start again.").toString();
	}

}

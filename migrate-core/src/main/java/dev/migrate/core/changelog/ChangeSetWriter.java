package dev.migrate.core.changelog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.diff.Safety;
import liquibase.changelog.ChangeSet;
import liquibase.database.ObjectQuotingStrategy;

/**
 * Writes a diff as Liquibase changesets, each with its rollback, and as a revision file.
 * <p>
 * Each table's changes share a changeset (one transaction on PostgreSQL), in the
 * {@linkplain ReviewOrder order} that puts them together, except that every
 * data-dependent change gets a changeset of its own, every destructive change one
 * {@linkplain DestructiveGuard guarded} so that it runs only when the user allows it; and
 * statements that cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY},
 * {@code ALTER TYPE ... ADD VALUE}) get a changeset of their own that runs outside one,
 * as does every online recipe (whose statements must each commit on their own). Each
 * change's comment names its safety class, the lock it takes and, for an online recipe,
 * the recipe.
 */
final class ChangeSetWriter {

	/** The author of generated changesets. */
	static final String AUTHOR = "migrate";

	private final Dialect dialect;

	private final LiquibaseChanges liquibaseChanges;

	ChangeSetWriter(Dialect dialect) {
		this.dialect = dialect;
		this.liquibaseChanges = new LiquibaseChanges(dialect);
	}

	/**
	 * Write a diff as a new revision file.
	 * @param diff the diff (not empty)
	 * @param changesDirectory the directory of revision files
	 * @param logicalDirectory the directory as the changelog names it (e.g.
	 * {@code db/migrate/changes}), which makes the stable logical file path
	 * @param message what the revision does, for its file name
	 * @param now the clock's time; the revision id is the later of it and one second
	 * after the newest revision in the folder
	 * @param format the file format
	 * @return the written file
	 * @throws IOException if the file cannot be written
	 */
	Path write(SchemaDiff diff, Path changesDirectory, String logicalDirectory, String message, Instant now,
			ChangelogFormat format) throws IOException {
		String revision = RevisionIds.next(changesDirectory, now);
		String fileName = revision + "_" + slug(message) + "." + format.extension();
		Path file = changesDirectory.resolve(fileName);
		List<ChangeSet> changeSets = changeSets(diff, revision, logicalDirectory + "/" + fileName);
		Files.createDirectories(changesDirectory);
		try (OutputStream out = Files.newOutputStream(file)) {
			format.serializer().write(changeSets, out);
		}
		return file;
	}

	/**
	 * Return the diff as changesets.
	 * @param diff the diff
	 * @param revision the revision id, the prefix of every changeset id
	 * @param logicalFilePath the stable path that identifies the changesets' file
	 * @return the changesets, in order
	 */
	List<ChangeSet> changeSets(SchemaDiff diff, String revision, String logicalFilePath) {
		List<ChangeSet> changeSets = new ArrayList<>();
		List<Change> group = new ArrayList<>();
		Kind groupKind = null;
		for (Change change : ReviewOrder.of(diff.changes())) {
			Kind kind = kind(change);
			if (!group.isEmpty() && (kind != groupKind || kind != Kind.TRANSACTIONAL
					|| !ReviewOrder.key(change).equals(ReviewOrder.key(group.get(0))))) {
				changeSets
					.add(changeSet(group, groupKind, id(revision, changeSets.size() + 1, group), logicalFilePath));
				group = new ArrayList<>();
			}
			group.add(change);
			groupKind = kind;
		}
		if (!group.isEmpty()) {
			changeSets.add(changeSet(group, groupKind, id(revision, changeSets.size() + 1, group), logicalFilePath));
		}
		return changeSets;
	}

	/**
	 * A changeset id that stays the same however often the revision is read and says what
	 * the changeset does, e.g. {@code 20261123101530-2-add_column_public_users_about}.
	 */
	private static String id(String revision, int number, List<Change> changes) {
		return revision + "-" + number + "-" + slug(changes.get(0).description(), 64);
	}

	private ChangeSet changeSet(List<Change> changes, Kind kind, String id, String logicalFilePath) {
		ChangeSet changeSet = new ChangeSet(id, AUTHOR, false, false, logicalFilePath, null,
				this.dialect.liquibaseName(), null, null, kind != Kind.NON_TRANSACTIONAL,
				ObjectQuotingStrategy.QUOTE_ALL_OBJECTS, null);
		// Stable whether the file is read from the source tree or from the application's
		// jar.
		changeSet.setLogicalFilePath(logicalFilePath);
		changeSet.setComments(changes.stream().map(this::comment).collect(Collectors.joining("; ")));
		for (Change change : changes) {
			this.liquibaseChanges.of(change).forEach(changeSet::addChange);
		}
		for (int i = changes.size() - 1; i >= 0; i--) {
			this.liquibaseChanges.of(changes.get(i).inverse()).forEach(changeSet::addRollbackChange);
		}
		if (kind == Kind.DESTRUCTIVE) {
			DestructiveGuard.mark(changeSet);
		}
		return changeSet;
	}

	private String comment(Change change) {
		String recipe = this.dialect.ddl()
			.onlineRecipe(change)
			.map((online) -> "; online: " + online.name())
			.orElse("");
		return change.description() + " [" + change.classification().safety() + ": " + change.classification().reason()
				+ "; lock: " + this.dialect.lockImpact(change) + recipe + "]";
	}

	private Kind kind(Change change) {
		if (DestructiveGuard.isDestructive(change)) {
			return Kind.DESTRUCTIVE;
		}
		if (this.dialect.ddl().runsOutsideTransaction(change)) {
			return Kind.NON_TRANSACTIONAL;
		}
		// A change that existing rows can make fail is applied, and reviewed, on its own.
		return (change.classification().safety() == Safety.DATA_DEPENDENT) ? Kind.ALONE : Kind.TRANSACTIONAL;
	}

	static String slug(String message) {
		return slug(message, 60);
	}

	private static String slug(String message, int length) {
		String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
		slug = slug.isEmpty() ? "revision" : slug;
		return (slug.length() > length) ? slug.substring(0, length).replaceAll("_$", "") : slug;
	}

	/**
	 * Which kind of changeset a change needs.
	 */
	private enum Kind {

		TRANSACTIONAL, ALONE, NON_TRANSACTIONAL, DESTRUCTIVE

	}

}

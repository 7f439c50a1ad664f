package dev.migrate.core.changelog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.schema.QualifiedName;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;

/**
 * Writes revision files: generated ones, baselines, squashes and empty ones to fill in by
 * hand. Every new revision takes its id from one allocator, so that it sorts after every
 * revision already in the folder.
 */
public final class Revisions {

	/** The author of generated changesets. */
	public static final String AUTHOR = ChangeSetWriter.AUTHOR;

	private final Dialect dialect;

	/**
	 * Create a writer of revisions for a database.
	 * @param dialect the database's dialect
	 */
	public Revisions(Dialect dialect) {
		this.dialect = dialect;
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
	public Path generated(SchemaDiff diff, Path changesDirectory, String logicalDirectory, String message, Instant now,
			ChangelogFormat format) throws IOException {
		return new ChangeSetWriter(this.dialect).write(diff, changesDirectory, logicalDirectory, message, now, format);
	}

	/**
	 * Write a baseline revision: guarded so that it is recorded as applied, not run,
	 * where the tables exist, and never rolled back.
	 * @param creation the changes that create the schema from nothing
	 * @param tables the tables it creates, whose presence the guard checks
	 * @param changesDirectory the directory of revision files
	 * @param logicalDirectory the directory as the changelog names it
	 * @param message what the revision is, for its file name
	 * @param now the clock's time, for the revision id
	 * @param format the file format
	 * @return the written file
	 * @throws IOException if it cannot be written
	 */
	public Path baseline(SchemaDiff creation, List<QualifiedName> tables, Path changesDirectory,
			String logicalDirectory, String message, Instant now, ChangelogFormat format) throws IOException {
		return new CreationRevisions(this.dialect).writeBaseline(creation, tables, changesDirectory, logicalDirectory,
				message, now, format);
	}

	/**
	 * Write the revision that replaces a run of revisions. It takes no new id: it keeps
	 * that of the last revision it replaces, so that it sorts where they did.
	 * @param creation the changes that create, from nothing, the schema the squashed
	 * revisions built
	 * @param squashedFiles the file names of the squashed revisions
	 * @param squashedChangeSets how many changesets they have
	 * @param revision the id of the last squashed revision
	 * @param changesDirectory the directory of revision files
	 * @param logicalDirectory the directory as the changelog names it
	 * @param message what the revision is, for its file name
	 * @param format the file format
	 * @return the written file
	 * @throws IOException if it cannot be written
	 */
	public Path squash(SchemaDiff creation, List<String> squashedFiles, int squashedChangeSets, String revision,
			Path changesDirectory, String logicalDirectory, String message, ChangelogFormat format) throws IOException {
		return new CreationRevisions(this.dialect).writeSquash(creation, squashedFiles, squashedChangeSets, revision,
				changesDirectory, logicalDirectory, message, format);
	}

	/**
	 * Write an empty revision, to fill in by hand.
	 * @param changesDirectory the directory of revision files
	 * @param logicalDirectory the directory as the changelog names it
	 * @param message what the revision will do, for its file name and comment
	 * @param author the changeset's author
	 * @param now the clock's time, for the revision id
	 * @param format the file format
	 * @return the written file
	 * @throws IOException if the file cannot be written
	 */
	public static Path empty(Path changesDirectory, String logicalDirectory, String message, String author, Instant now,
			ChangelogFormat format) throws IOException {
		return EmptyRevisionWriter.write(changesDirectory, logicalDirectory, message, author, now, format);
	}

	/**
	 * Return the message a generated revision is named after when its author gives none:
	 * what it does.
	 * @param diff the diff the revision holds
	 * @return the message, e.g. {@code add users bio}
	 */
	public static String message(SchemaDiff diff) {
		return RevisionNames.of(diff);
	}

	/**
	 * Return whether a changeset is destructive: guarded so that it runs only when the
	 * user allows destructive changes.
	 * @param changeSet the changeset, as Liquibase read it
	 * @return whether it is destructive
	 */
	public static boolean isDestructive(ChangeSet changeSet) {
		return DestructiveGuard.isMarked(changeSet);
	}

	/**
	 * Let the destructive changesets of a changelog run.
	 * @param liquibase the Liquibase instance that runs the changelog
	 */
	public static void allowDestructive(Liquibase liquibase) {
		DestructiveGuard.allow(liquibase);
	}

	/**
	 * Return the id of a revision file name.
	 * @param fileName e.g. {@code 20261122091231_add_bio.yaml}
	 * @return the id, e.g. {@code 20261122091231}
	 * @throws IllegalArgumentException if the name does not start with an id
	 */
	public static String id(String fileName) {
		return RevisionIds.of(fileName);
	}

}

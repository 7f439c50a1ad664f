package dev.migrate.core.changelog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.schema.QualifiedName;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.ObjectQuotingStrategy;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.precondition.core.SqlPrecondition;

/**
 * Writes revisions that create a schema which many databases already have: a baseline
 * (the schema an existing database had when Migrate adopted it) and a squash (the schema
 * a run of revisions built). Each is one changeset, guarded by an SQL check so that it
 * runs only on a database that has none of it and is recorded as applied
 * ({@code MARK_RAN}) on one that has all of it; a database with only part of it stops
 * with a message saying what to do. Neither is rolled back: on the databases that already
 * had the schema, the rollback would drop tables that no revision of theirs created.
 * <p>
 * Written in YAML or XML; a changelog in formatted SQL gets them in YAML, as formatted
 * SQL has no room for these guards.
 */
final class CreationRevisions {

	private final Dialect dialect;

	private final ChangeSetWriter writer;

	CreationRevisions(Dialect dialect) {
		this.dialect = dialect;
		this.writer = new ChangeSetWriter(dialect);
	}

	/**
	 * Write a baseline revision.
	 * @param creation the changes that create the schema from nothing
	 * @param tables the tables it creates, whose presence the guard checks
	 * @param changesDirectory the directory of revision files
	 * @param logicalDirectory the directory as the changelog names it
	 * @param message what the revision is, for its file name
	 * @param now the moment, for the revision id
	 * @param format the file format
	 * @return the written file
	 * @throws IOException if it cannot be written
	 */
	Path writeBaseline(SchemaDiff creation, List<QualifiedName> tables, Path changesDirectory, String logicalDirectory,
			String message, Instant now, ChangelogFormat format) throws IOException {
		String revision = RevisionIds.next(changesDirectory, now);
		String fileName = fileName(revision, message, format);
		PreconditionContainer guard = guard(this.dialect.ddl().baselineGuard(tables, fileName),
				"Migrate: this database has some, not all, of the " + tables.size() + " tables that the baseline "
						+ fileName + " creates; create the missing ones (or drop the others) by hand, or build it"
						+ " from an empty database");
		String refusal = "Migrate: " + fileName + " is a baseline and is not rolled back: on a database that"
				+ " was adopted with it, its rollback would drop tables no revision created";
		return write(creation, changesDirectory, logicalDirectory, fileName, revision, guard, refusal,
				"Baseline: the schema of the mapped tables " + tables + " as the database had it when Migrate"
						+ " adopted it; recorded as applied, not run, on a database that has them",
				format);
	}

	/**
	 * Write the revision that replaces a run of revisions.
	 * @param creation the changes that create, from nothing, the schema the squashed
	 * revisions built
	 * @param squashedFiles the file names of the squashed revisions
	 * @param squashedChangeSets how many changesets they have
	 * @param revision the id of the revision, that of the last squashed one, so that it
	 * sorts where they did
	 * @param changesDirectory the directory of revision files
	 * @param logicalDirectory the directory as the changelog names it
	 * @param message what the revision is, for its file name
	 * @param format the file format
	 * @return the written file
	 * @throws IOException if it cannot be written
	 */
	Path writeSquash(SchemaDiff creation, List<String> squashedFiles, int squashedChangeSets, String revision,
			Path changesDirectory, String logicalDirectory, String message, ChangelogFormat format) throws IOException {
		String fileName = fileName(revision, message, format);
		String last = squashedFiles.get(squashedFiles.size() - 1);
		PreconditionContainer guard = guard(
				this.dialect.ddl().squashGuard(squashedFiles, squashedChangeSets, fileName, last),
				"Migrate: this database applied only some of the revisions squashed into " + fileName
						+ "; upgrade it to " + last + " with a release from before the squash, then start this one");
		String refusal = "Migrate: cannot roll back " + fileName + ", the squash of " + squashedFiles.size()
				+ " revisions up to " + last + ": rollback to before the squash point is not possible";
		return write(creation, changesDirectory, logicalDirectory, fileName, revision, guard, refusal,
				"Squash of " + squashedFiles.size() + " revisions, " + squashedFiles.get(0) + " to " + last
						+ ": recorded as applied, not run, on a database that applied them",
				format);
	}

	/**
	 * Return the revision id of a revision file name.
	 * @param fileName e.g. {@code 20261122091231_add_bio.yaml}
	 * @return the id, e.g. {@code 20261122091231}
	 */
	static String revisionId(String fileName) {
		return RevisionIds.of(fileName);
	}

	private Path write(SchemaDiff creation, Path changesDirectory, String logicalDirectory, String fileName,
			String revision, PreconditionContainer guard, String refusal, String comment, ChangelogFormat format)
			throws IOException {
		String logicalFilePath = logicalDirectory + "/" + fileName;
		ChangeSet changeSet = new ChangeSet(revision + "-1", ChangeSetWriter.AUTHOR, false, false, logicalFilePath,
				null, this.dialect.liquibaseName(), null, null, true, ObjectQuotingStrategy.QUOTE_ALL_OBJECTS, null);
		changeSet.setLogicalFilePath(logicalFilePath);
		changeSet.setComments(comment);
		// One changeset, so that the guard is checked once, before any of it runs.
		for (ChangeSet part : this.writer.changeSets(creation, revision, logicalFilePath)) {
			part.getChanges().forEach(changeSet::addChange);
		}
		RawSQLChange refuse = new RawSQLChange(this.dialect.ddl().fail(refusal));
		refuse.setSplitStatements(false);
		changeSet.addRollbackChange(refuse);
		changeSet.setPreconditions(guard);
		Files.createDirectories(changesDirectory);
		Path file = changesDirectory.resolve(fileName);
		try (OutputStream out = Files.newOutputStream(file)) {
			written(format).serializer().write(List.of(changeSet), out);
		}
		return file;
	}

	private static PreconditionContainer guard(String sql, String partialMessage) {
		SqlPrecondition check = new SqlPrecondition();
		check.setSql(sql);
		check.setExpectedResult("0");
		PreconditionContainer preconditions = new PreconditionContainer();
		preconditions.setOnFail(PreconditionContainer.FailOption.MARK_RAN);
		preconditions.setOnError(PreconditionContainer.ErrorOption.HALT);
		preconditions.setOnErrorMessage(partialMessage);
		preconditions.addNestedPrecondition(check);
		return preconditions;
	}

	private static String fileName(String revision, String message, ChangelogFormat format) {
		return revision + "_" + ChangeSetWriter.slug(message) + "." + written(format).extension();
	}

	private static ChangelogFormat written(ChangelogFormat format) {
		return (format == ChangelogFormat.SQL) ? ChangelogFormat.YAML : format;
	}

}

package dev.migrate.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.migrate.core.changelog.ChangelogFormat;
import dev.migrate.core.changelog.Revisions;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.diff.SchemaDiffer;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.runner.MigrationStatus;
import dev.migrate.core.runner.Revision;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;

/**
 * Collapses the revisions up to a given one into a single revision that creates the
 * schema they built, read from a database that is at exactly that revision: the only
 * place where that schema exists as the revisions left it, data migrations and
 * hand-written SQL included.
 */
final class Squash {

	/** Tables of other migration tools, never part of a squash. */
	private static final List<String> EXCLUDED = List.of("databasechangelog", "databasechangeloglock",
			"flyway_schema_history");

	private final Dialect dialect;

	private final DiffOptions options;

	Squash(Dialect dialect, DiffOptions options) {
		this.dialect = dialect;
		this.options = options;
	}

	Path write(MigrationStatus status, Connection connection, Schema desired, String upTo, Path changesDirectory,
			String logicalDirectory, String message, ChangelogFormat format) throws SQLException, IOException {
		List<Revision> squashed = squashed(status, upTo);
		List<Path> files = new ArrayList<>();
		for (Revision revision : squashed) {
			files.add(file(changesDirectory, revision));
		}
		Revision last = squashed.get(squashed.size() - 1);
		String id;
		try {
			id = Revisions.id(last.name());
		}
		catch (IllegalArgumentException ex) {
			throw new MigrateException("Cannot squash up to " + last.name()
					+ ": the squash takes the id of the last revision it replaces, and this file name does not start"
					+ " with a <yyyyMMddHHmmss>_ revision id");
		}
		Schema actual = this.dialect.readSchema(connection, desired.schemas(), EXCLUDED);
		Schema built = owned(actual);
		Schema nothing = new Schema(new TreeSet<>(List.of(this.dialect.defaultSchema())), List.of(), List.of(),
				List.of());
		SchemaDiff creation = Baseline
			.inColumnOrder(new SchemaDiffer(this.options.withOnline(false), this.dialect).diff(nothing, built));
		int changeSets = squashed.stream().mapToInt((revision) -> revision.changeSets().size()).sum();
		List<String> names = squashed.stream().map(Revision::name).toList();
		// The new file may take the name of the last one it replaces.
		for (Path file : files) {
			Files.delete(file);
		}
		return new Revisions(this.dialect).squash(creation, names, changeSets, id, changesDirectory, logicalDirectory,
				message, format);
	}

	/**
	 * Return the revisions to squash: every revision up to {@code upTo}, all applied,
	 * with nothing applied after them.
	 */
	static List<Revision> squashed(MigrationStatus status, String upTo) {
		Revision target = status.applied()
			.stream()
			.filter((revision) -> matches(revision, upTo))
			.findFirst()
			.orElse(null);
		if (target == null) {
			Revision pending = status.pending()
				.stream()
				.filter((revision) -> matches(revision, upTo))
				.findFirst()
				.orElse(null);
			if (pending != null) {
				throw new MigrateException("Cannot squash up to " + pending.name()
						+ ": it is pending on this database, and the squash is read from a database at that revision;"
						+ " upgrade to it first (migrate.command=upgrade, migrate.tag=" + upTo + ")");
			}
			throw new MigrateException("No revision '" + upTo + "' in the changelog; applied revisions: "
					+ status.applied().stream().map(Revision::name).toList());
		}
		List<String> pendingBefore = status.pending()
			.stream()
			.map(Revision::name)
			.filter((name) -> name.compareTo(target.name()) < 0)
			.toList();
		if (!pendingBefore.isEmpty()) {
			throw new MigrateException("Cannot squash up to " + target.name() + " past the pending revision(s) "
					+ pendingBefore + "; upgrade first");
		}
		int index = status.applied().indexOf(target);
		List<Revision> after = status.applied().subList(index + 1, status.applied().size());
		if (!after.isEmpty()) {
			throw new MigrateException("Cannot squash up to " + target.name() + ": this database is at "
					+ status.current() + ", and the squash is read from a database at exactly " + target.name()
					+ "; downgrade a development database to it first (migrate.command=downgrade, migrate.tag=" + upTo
					+ ")");
		}
		return status.applied().subList(0, index + 1);
	}

	private static boolean matches(Revision revision, String name) {
		return revision.name().equals(name) || revision.name().startsWith(name + "_")
				|| revision.name().startsWith(name + ".");
	}

	private static Path file(Path changesDirectory, Revision revision) throws IOException {
		if (Files.isDirectory(changesDirectory)) {
			try (Stream<Path> files = Files.walk(changesDirectory)) {
				List<Path> found = files.filter((file) -> file.getFileName().toString().equals(revision.name()))
					.toList();
				if (found.size() == 1) {
					return found.get(0);
				}
			}
		}
		throw new MigrateException("Cannot squash " + revision.file() + ": it is not a file of the revision folder "
				+ changesDirectory + " (only revision files there can be squashed and removed)");
	}

	/**
	 * Return the schema less the tables Migrate never touches and foreign keys to them.
	 */
	private Schema owned(Schema actual) {
		List<Table> tables = actual.tables().stream().filter((table) -> !this.options.excludes(table.name())).toList();
		List<QualifiedName> names = tables.stream().map(Table::name).toList();
		List<Table> kept = tables.stream()
			.map((table) -> new Table(table.name(), table.columns(), table.primaryKey(), table.uniqueConstraints(),
					table.indexes(),
					table.foreignKeys().stream().filter((key) -> names.contains(key.referencedTable())).toList(),
					table.checks(), table.comment()))
			.toList();
		return new Schema(actual.schemas(), kept, actual.sequences(), actual.enumTypes(), actual.declarations());
	}

}

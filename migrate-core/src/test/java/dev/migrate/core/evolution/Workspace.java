package dev.migrate.core.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import dev.migrate.core.Migrate;
import dev.migrate.core.changelog.ChangelogFormat;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.changelog.Revisions;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.diff.SchemaDiffer;
import dev.migrate.core.runner.ChangelogFiles;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.schema.Schema;
import dev.migrate.testsupport.TestDatabase;

/**
 * A database and a changelog folder, as a project would have them: generate revisions
 * from diffs, run them, read the schema back.
 */
final class Workspace implements AutoCloseable {

	private final TestDatabase database;

	private final Path root;

	private final Dialect dialect = Dialects.postgresql();

	private Instant clock = Instant.parse("2026-01-01T00:00:00Z");

	Workspace(TestDatabase database) {
		this.database = database;
		try {
			this.root = Files.createTempDirectory("migrate-workspace");
			MasterChangelog.writeIfMissing(this.root.resolve(MasterChangelog.DEFAULT_PATH), "changes");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	TestDatabase database() {
		return this.database;
	}

	Path changesDirectory() {
		return this.root.resolve(MasterChangelog.DEFAULT_CHANGES_DIRECTORY);
	}

	Schema read(Schema scope) {
		try (Connection connection = this.database.connect()) {
			return this.dialect.readSchema(connection, scope.schemas(), MigrationRunner.LIQUIBASE_TABLES);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Diff as {@link Migrate#diff()} does: an index or constraint the desired schema
	 * lacks is dropped where a revision of this workspace created it.
	 */
	SchemaDiff diff(Schema desired, DiffOptions options) {
		Schema actual = read(desired);
		SchemaDiff diff = new SchemaDiffer(options, Dialects.postgresql()).diff(actual, desired);
		if (diff.unmapped().isEmpty()) {
			return diff;
		}
		return new SchemaDiffer(options.withCreatedObjects(runner().createdObjects()), Dialects.postgresql())
			.diff(actual, desired);
	}

	/**
	 * Generate a revision taking the database to {@code desired}, or none if it is there.
	 */
	Path generate(Schema desired, DiffOptions options, String message) {
		return generate(desired, options, message, ChangelogFormat.YAML);
	}

	/**
	 * Generate a revision in the given format taking the database to {@code desired}, or
	 * none if it is there.
	 */
	Path generate(Schema desired, DiffOptions options, String message, ChangelogFormat format) {
		SchemaDiff diff = diff(desired, options);
		if (diff.isEmpty()) {
			return null;
		}
		this.clock = this.clock.plusSeconds(60);
		try {
			return new Revisions(this.dialect).generated(diff, changesDirectory(),
					MasterChangelog.DEFAULT_CHANGES_DIRECTORY, message, this.clock, format);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	MigrationRunner runner(RunnerOptions options) {
		return new MigrationRunner(this.database.dataSource(), MasterChangelog.DEFAULT_PATH,
				ChangelogFiles.inDirectory(this.root), options);
	}

	/**
	 * Return a runner of this workspace's changelog on any data source.
	 */
	MigrationRunner runner(javax.sql.DataSource dataSource) {
		return new MigrationRunner(dataSource, MasterChangelog.DEFAULT_PATH, ChangelogFiles.inDirectory(this.root),
				RunnerOptions.defaults());
	}

	/**
	 * Return a runner of this workspace's changelog on another database.
	 */
	MigrationRunner runner(TestDatabase other) {
		return new MigrationRunner(other.dataSource(), MasterChangelog.DEFAULT_PATH,
				ChangelogFiles.inDirectory(this.root), RunnerOptions.defaults().withAllowDestructive(true));
	}

	/**
	 * Return Migrate on a database with this workspace's changelog and the given desired
	 * schema.
	 */
	Migrate migrate(TestDatabase on, Schema desired) {
		return new Migrate(on.dataSource(), () -> desired, ChangelogFiles.inDirectory(this.root),
				MasterChangelog.DEFAULT_PATH, DiffOptions.defaults(),
				RunnerOptions.defaults().withAllowDestructive(true));
	}

	/**
	 * Return the revision files, in name order.
	 */
	List<Path> revisions() {
		if (!Files.isDirectory(changesDirectory())) {
			return List.of();
		}
		try (var files = Files.list(changesDirectory())) {
			return files.sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the catalog's fingerprint: it changes with any change to the schema.
	 */
	static String fingerprint(TestDatabase database) {
		try (Connection connection = database.connect()) {
			return Dialects.postgresql().catalogFingerprint(connection, MigrationRunner.LIQUIBASE_TABLES);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the whole schema of a database's public schema and the given ones.
	 */
	static Schema read(TestDatabase database, Schema scope) {
		try (Connection connection = database.connect()) {
			return Dialects.postgresql().readSchema(connection, scope.schemas(), MigrationRunner.LIQUIBASE_TABLES);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Path root() {
		return this.root;
	}

	MigrationRunner runner() {
		return runner(RunnerOptions.defaults().withAllowDestructive(true));
	}

	@Override
	public void close() throws IOException {
		try (var files = Files.walk(this.root)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

}

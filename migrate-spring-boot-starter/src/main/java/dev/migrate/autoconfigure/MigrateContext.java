package dev.migrate.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import javax.sql.DataSource;

import dev.migrate.core.Migrate;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.schema.Schema;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Everything Migrate needs in an application: the database, the properties, the entities
 * and where the changelog lives. Shared by the initializer, the endpoint, the health
 * indicator and command mode.
 */
public class MigrateContext {

	private static final Log logger = LogFactory.getLog(MigrateContext.class);

	private final DataSource dataSource;

	private final MigrateProperties properties;

	private final EntitySchemaSource entities;

	private final ClassLoader classLoader;

	private volatile @Nullable Optional<Schema> entitySchema;

	public MigrateContext(DataSource dataSource, MigrateProperties properties, EntitySchemaSource entities,
			ClassLoader classLoader) {
		this.dataSource = dataSource;
		this.properties = properties;
		this.entities = entities;
		this.classLoader = classLoader;
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	MigrateProperties properties() {
		return this.properties;
	}

	/**
	 * Return Migrate over the changelog in the source directory when auto mode writes
	 * there, otherwise over the changelog on the classpath.
	 */
	Migrate migrate() {
		Path source = changelogSourceDirectory();
		return migrate((source != null) ? directory(source) : new ClassLoaderResourceAccessor(this.classLoader));
	}

	Migrate migrate(ResourceAccessor resources) {
		DiffOptions diffOptions = DiffOptions.defaults()
			.withIncludeTables(this.properties.getIncludeTables().toArray(String[]::new))
			.withExcludeTables(this.properties.getExcludeTables().toArray(String[]::new))
			.withOnline(this.properties.isOnline());
		RunnerOptions runnerOptions = RunnerOptions.defaults()
			.withLockTimeout(this.properties.getLockTimeout())
			.withAllowDestructive(this.properties.isAllowDestructive());
		return new Migrate(this.dataSource, this::desiredSchema, resources, this.properties.getChangelog(), diffOptions,
				runnerOptions);
	}

	/**
	 * Return whether the changelog can be found where {@link #migrate()} reads it.
	 */
	boolean hasChangelog() {
		Path source = changelogSourceDirectory();
		return (source != null) ? Files.exists(source.resolve(this.properties.getChangelog()))
				: this.classLoader.getResource(this.properties.getChangelog()) != null;
	}

	/**
	 * Return where {@link #migrate()} reads the changelog, for messages.
	 */
	String changelogLocation() {
		Path source = changelogSourceDirectory();
		return (source != null) ? source.toString() : "the classpath";
	}

	private @Nullable Path changelogSourceDirectory() {
		return (this.properties.getMode() == MigrateProperties.Mode.AUTO) ? writableSourceDirectory() : null;
	}

	/**
	 * Return whether the application has entities to compare the database with.
	 */
	boolean hasEntities() {
		return entitySchema().isPresent();
	}

	Schema desiredSchema() {
		return entitySchema()
			.orElseGet(() -> new Schema(new TreeSet<>(List.of("public")), List.of(), List.of(), List.of()));
	}

	/**
	 * Read the entities once: they cannot change while the application runs, and reading
	 * them builds Hibernate's metadata, which the endpoint and health would otherwise
	 * repeat on every request.
	 */
	private Optional<Schema> entitySchema() {
		Optional<Schema> schema = this.entitySchema;
		if (schema == null) {
			schema = Optional.ofNullable(this.entities.desiredSchema());
			this.entitySchema = schema;
		}
		return schema;
	}

	String logicalChangesDirectory() {
		String changelog = this.properties.getChangelog();
		int slash = changelog.lastIndexOf('/');
		return ((slash >= 0) ? changelog.substring(0, slash + 1) : "") + this.properties.getChangesDirectory();
	}

	@Nullable Path writableSourceDirectory() {
		Path directory = Path.of(this.properties.getSourceDirectory()).toAbsolutePath();
		return (Files.isDirectory(directory) && Files.isWritable(directory)) ? directory : null;
	}

	/**
	 * Write the difference between the database and the entities as a new revision in the
	 * source directory (and the master changelog, if it is missing).
	 * @param migrate Migrate over the source directory's changelog
	 * @param source the writable source directory
	 * @return the new revision, or empty if there is no difference
	 */
	Optional<Path> generate(Migrate migrate, Path source) {
		writeMasterChangelogIfMissing(source);
		String logical = logicalChangesDirectory();
		return migrate.generate(source.resolve(logical), logical, this.properties.getMessage(),
				this.properties.getFormat());
	}

	/**
	 * Write the master changelog into the source directory unless it is there.
	 * @param source the writable source directory
	 */
	void writeMasterChangelogIfMissing(Path source) {
		Path changelog = source.resolve(this.properties.getChangelog());
		try {
			if (MasterChangelog.writeIfMissing(changelog, this.properties.getChangesDirectory())) {
				logger.info("Migrate wrote the master changelog " + changelog);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the master changelog " + changelog, ex);
		}
	}

	static ResourceAccessor directory(Path directory) {
		try {
			return new DirectoryResourceAccessor(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

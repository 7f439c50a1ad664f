package dev.migrate.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.migrate.core.Migrate;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.runner.MigrationException;
import dev.migrate.core.runner.MigrationStatus;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.runner.UpgradeResult;
import dev.migrate.core.schema.Schema;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs Migrate at startup, before JPA and anything else that depends on database
 * initialization, as {@code migrate.mode} says.
 */
public class MigrateInitializer implements InitializingBean {

	private static final Log logger = LogFactory.getLog(MigrateInitializer.class);

	private final DataSource dataSource;

	private final MigrateProperties properties;

	private final EntitySchemaSource entities;

	private final ClassLoader classLoader;

	private volatile @Nullable MigrateRun lastRun;

	public MigrateInitializer(DataSource dataSource, MigrateProperties properties, EntitySchemaSource entities,
			ClassLoader classLoader) {
		this.dataSource = dataSource;
		this.properties = properties;
		this.entities = entities;
		this.classLoader = classLoader;
	}

	@Override
	public void afterPropertiesSet() {
		MigrateProperties.Mode mode = this.properties.getMode();
		if (mode == MigrateProperties.Mode.NONE) {
			return;
		}
		Instant started = Instant.now();
		long start = System.nanoTime();
		try {
			MigrateRun run = switch (mode) {
				case AUTO ->
					(writableSourceDirectory() != null) ? auto(started) : apply(started, MigrateProperties.Mode.AUTO);
				case APPLY -> apply(started, mode);
				case VALIDATE -> validate(started);
				case NONE -> throw new IllegalStateException();
			};
			this.lastRun = withDuration(run, start);
		}
		catch (RuntimeException ex) {
			this.lastRun = new MigrateRun(mode, started, Duration.ofNanos(System.nanoTime() - start), false, null, 0,
					ex.getMessage());
			throw ex;
		}
	}

	private MigrateRun auto(Instant started) {
		Path sourceDirectory = writableSourceDirectory();
		Path changelog = sourceDirectory.resolve(this.properties.getChangelog());
		try {
			if (MasterChangelog.writeIfMissing(changelog, this.properties.getChangesDirectory())) {
				logger.info("Migrate wrote the master changelog " + changelog);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the master changelog " + changelog, ex);
		}
		Migrate migrate = migrate(directory(sourceDirectory), this::desiredSchema);
		String logicalDirectory = logicalChangesDirectory();
		String generated = null;
		if (this.entities.desiredSchema() != null) {
			generated = migrate
				.generate(sourceDirectory.resolve(logicalDirectory), logicalDirectory, "migrate",
						this.properties.getFormat())
				.map((file) -> {
					logger.info("Migrate wrote a new revision " + file + "; review and commit it");
					return file.toString();
				})
				.orElse(null);
		}
		UpgradeResult result = migrate.runner().upgrade();
		logBlocked(result);
		return new MigrateRun(MigrateProperties.Mode.AUTO, started, Duration.ZERO, true, generated,
				result.applied().size(), null);
	}

	private MigrateRun apply(Instant started, MigrateProperties.Mode mode) {
		if (this.classLoader.getResource(this.properties.getChangelog()) == null) {
			logger.warn(
					"Migrate found no changelog at classpath:" + this.properties.getChangelog() + "; nothing to apply");
			return new MigrateRun(mode, started, Duration.ZERO, true, null, 0, null);
		}
		UpgradeResult result = migrate(new ClassLoaderResourceAccessor(this.classLoader), this::desiredSchema).runner()
			.upgrade();
		logBlocked(result);
		return new MigrateRun(mode, started, Duration.ZERO, true, null, result.applied().size(), null);
	}

	private MigrateRun validate(Instant started) {
		Migrate migrate = migrate(new ClassLoaderResourceAccessor(this.classLoader), this::desiredSchema);
		if (this.classLoader.getResource(this.properties.getChangelog()) != null) {
			MigrationStatus status = migrate.runner().status();
			if (status.hasPending()) {
				throw new MigrationException("migrate.mode=validate and " + status.pending().size()
						+ " revision(s) are pending: " + status.pending().stream().map((r) -> r.name()).toList());
			}
		}
		if (this.entities.desiredSchema() != null) {
			migrate.check();
		}
		return new MigrateRun(MigrateProperties.Mode.VALIDATE, started, Duration.ZERO, true, null, 0, null);
	}

	private void logBlocked(UpgradeResult result) {
		if (!result.blocked().isEmpty()) {
			logger.warn("Migrate left " + result.blocked().size() + " destructive changeset(s) pending; set"
					+ " migrate.allow-destructive=true to apply them: " + result.blocked());
		}
	}

	private Migrate migrate(ResourceAccessor resources, Supplier<Schema> desired) {
		DiffOptions diffOptions = DiffOptions.defaults()
			.withIncludeTables(this.properties.getIncludeTables().toArray(String[]::new))
			.withExcludeTables(this.properties.getExcludeTables().toArray(String[]::new))
			.withOnline(this.properties.isOnline());
		RunnerOptions runnerOptions = RunnerOptions.defaults()
			.withLockTimeout(this.properties.getLockTimeout())
			.withAllowDestructive(this.properties.isAllowDestructive());
		return new Migrate(this.dataSource, desired, resources, this.properties.getChangelog(), diffOptions,
				runnerOptions);
	}

	private Schema desiredSchema() {
		Schema desired = this.entities.desiredSchema();
		return (desired != null) ? desired
				: new Schema(new java.util.TreeSet<>(List.of("public")), List.of(), List.of(), List.of());
	}

	private String logicalChangesDirectory() {
		String changelog = this.properties.getChangelog();
		int slash = changelog.lastIndexOf('/');
		String folder = (slash >= 0) ? changelog.substring(0, slash + 1) : "";
		return folder + this.properties.getChangesDirectory();
	}

	private @Nullable Path writableSourceDirectory() {
		Path directory = Path.of(this.properties.getSourceDirectory()).toAbsolutePath();
		return (Files.isDirectory(directory) && Files.isWritable(directory)) ? directory : null;
	}

	private static ResourceAccessor directory(Path directory) {
		try {
			return new DirectoryResourceAccessor(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static MigrateRun withDuration(MigrateRun run, long start) {
		return new MigrateRun(run.mode(), run.started(), Duration.ofNanos(System.nanoTime() - start), run.successful(),
				run.generated(), run.applied(), run.error());
	}

	/**
	 * Return the outcome of the last run.
	 * @return the last run, or {@code null} if Migrate has not run
	 */
	public @Nullable MigrateRun lastRun() {
		return this.lastRun;
	}

}

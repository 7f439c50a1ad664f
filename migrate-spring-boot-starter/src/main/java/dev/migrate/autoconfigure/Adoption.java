package dev.migrate.autoconfigure;

import java.nio.file.Path;
import java.util.Optional;

import dev.migrate.core.Migrate;
import dev.migrate.core.runner.MigrationStatus;

/**
 * Adopting a database whose schema is already there: the baseline auto mode and the
 * {@code baseline} command write, and what they say about a database that Flyway
 * migrated.
 */
final class Adoption {

	static final String FLYWAY = "This database has Flyway's flyway_schema_history: Flyway built its schema. The"
			+ " baseline stands for what Flyway built (recorded as applied here, run on new databases); from now on"
			+ " let Migrate alone change the mapped tables: remove Flyway (its dependency, or"
			+ " spring.flyway.enabled=false) and keep its scripts as history, or keep Flyway only for tables Migrate"
			+ " does not map (and list them in migrate.diff.exclude-tables). flyway_schema_history itself is left alone.";

	private final MigrateContext context;

	Adoption(MigrateContext context) {
		this.context = context;
	}

	/**
	 * Write the baseline in auto mode: only while the changelog has no revisions and the
	 * database no applied changesets, and only if the database has mapped tables (an
	 * empty one gets an ordinary first revision instead).
	 * @param migrate Migrate over the source directory's changelog
	 * @param status the status after the startup's upgrade
	 * @param source the writable source directory
	 * @return the baseline, or empty if none was written
	 */
	Optional<Path> baselineIfAdopting(Migrate migrate, MigrationStatus status, Path source) {
		if (!status.applied().isEmpty() || !status.pending().isEmpty() || !migrate.runner().history().isEmpty()) {
			return Optional.empty();
		}
		return baseline(migrate, source);
	}

	/**
	 * Write the baseline.
	 * @param migrate Migrate over the source directory's changelog
	 * @param source the writable source directory
	 * @return the baseline, or empty if the database has none of the mapped tables
	 */
	Optional<Path> baseline(Migrate migrate, Path source) {
		this.context.revisions().writeMasterChangelogIfMissing(source);
		String logical = this.context.changelog().logicalChangesDirectory();
		MigrateProperties properties = this.context.properties();
		String message = MigrateProperties.DEFAULT_MESSAGE.equals(properties.getMessage()) ? "baseline"
				: properties.getMessage();
		return migrate.baseline(source.resolve(logical), logical, message, properties.getFormat());
	}

}

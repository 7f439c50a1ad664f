package dev.migrate.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import dev.migrate.core.Migrate;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.exception.MigrateException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Writes new revisions into the source directory, named by {@code migrate.message} or
 * after what they do, with the master changelog that includes them.
 */
final class RevisionWriter {

	private static final Log logger = LogFactory.getLog(RevisionWriter.class);

	private final MigrateProperties properties;

	private final ChangelogLocation changelog;

	RevisionWriter(MigrateProperties properties, ChangelogLocation changelog) {
		this.properties = properties;
		this.changelog = changelog;
	}

	/**
	 * Write the difference between the database and the entities as a new revision in the
	 * source directory (and the master changelog, if it is missing).
	 * @param migrate Migrate over the source directory's changelog
	 * @param source the writable source directory
	 * @return the new revision, or empty if there is no difference
	 */
	Optional<Path> generate(Migrate migrate, Path source) {
		return generate(migrate, migrate.diff(), source);
	}

	/**
	 * Write a difference already computed as a new revision in the source directory (and
	 * the master changelog, if it is missing).
	 * @param migrate Migrate over the source directory's changelog
	 * @param diff the difference between the database and the entities
	 * @param source the writable source directory
	 * @return the new revision, or empty if there is no difference
	 */
	Optional<Path> generate(Migrate migrate, SchemaDiff diff, Path source) {
		writeMasterChangelogIfMissing(source);
		String logical = this.changelog.logicalChangesDirectory();
		// Without a message, the revision is named after what it does.
		String message = MigrateProperties.DEFAULT_MESSAGE.equals(this.properties.getMessage())
				? Migrate.revisionMessage(diff) : this.properties.getMessage();
		return migrate.generate(diff, source.resolve(logical), logical, message, this.properties.getFormat());
	}

	/**
	 * Write the master changelog into the source directory unless it is there, or make
	 * the one there include the folder of revisions.
	 * @param source the writable source directory
	 */
	void writeMasterChangelogIfMissing(Path source) {
		Path changelog = source.resolve(this.properties.getChangelog());
		try {
			if (MasterChangelog.writeIfMissing(changelog, this.properties.getChangesDirectory())) {
				logger.info("Migrate wrote the master changelog " + changelog);
			}
			// An existing changelog (e.g. Spring Boot's Liquibase one) must run the
			// revisions written beside it.
			else if (MasterChangelog.includeIfMissing(changelog, this.properties.getChangesDirectory())) {
				logger.info("Migrate added an includeAll of its revision folder "
						+ this.properties.getChangesDirectory() + "/ to the master changelog " + changelog);
			}
		}
		catch (IOException ex) {
			throw new MigrateException("Cannot write the master changelog " + changelog + ": " + ex
					+ ". No revision was written and the database was not changed. Make the folder writable (or set"
					+ " migrate.source-directory to one that is), then run again.", ex);
		}
	}

}

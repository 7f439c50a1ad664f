package dev.migrate.autoconfigure;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.migrate.core.Migrate;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.runner.UpgradeResult;

/**
 * The commands that write revisions other than generated ones: {@code baseline},
 * {@code squash} and {@code revision}. Each works on the changelog in the source
 * directory, as {@code generate} does.
 */
class AdoptionCommands {

	private final MigrateContext context;

	private final PrintStream out;

	AdoptionCommands(MigrateContext context, PrintStream out) {
		this.context = context;
		this.out = out;
	}

	int baseline() {
		Path source = source("baseline");
		Migrate migrate = this.context.migrate(ChangelogLocation.directory(source));
		Adoption adoption = new Adoption(this.context);
		Optional<Path> written = adoption.baseline(migrate, source);
		if (written.isEmpty()) {
			this.out.println("No baseline: the database has none of the mapped tables; generate the first revision"
					+ " instead (migrate.command=generate)");
			return MigrateCommand.SUCCESS;
		}
		UpgradeResult recorded = migrate.runner().upgrade();
		this.out.println("Wrote " + written.get() + ", the baseline of the mapped tables as the database has them;"
				+ " recorded it as applied here without running it (" + recorded.applied().size()
				+ " changeset(s)); review and commit it");
		if (migrate.hasFlywayHistory()) {
			this.out.println(Adoption.FLYWAY);
		}
		if (!migrate.diff().isEmpty()) {
			this.out.println("The database differs from the entities: generate the next revision for that"
					+ " (migrate.command=generate, or start in auto mode)");
		}
		return MigrateCommand.SUCCESS;
	}

	int squash() {
		MigrateProperties properties = this.context.properties();
		String upTo = properties.getTag();
		if (upTo == null) {
			throw new MigrateException(
					"migrate squash needs migrate.tag, the last revision to squash (file name or" + " timestamp id)");
		}
		Path source = source("squash");
		if (!Files.exists(source.resolve(properties.getChangelog()))) {
			throw new MigrateException("No master changelog " + properties.getChangelog() + " in " + source);
		}
		Migrate migrate = this.context.migrate(ChangelogLocation.directory(source));
		String logical = this.context.changelog().logicalChangesDirectory();
		String message = MigrateProperties.DEFAULT_MESSAGE.equals(properties.getMessage()) ? "squash"
				: properties.getMessage();
		Path written = migrate.squash(upTo, source.resolve(logical), logical, message, properties.getFormat());
		UpgradeResult recorded = migrate.runner().upgradeTo(written.getFileName().toString());
		this.out.println("Wrote " + written + ", which replaces the revisions up to " + upTo + " (their files are"
				+ " removed); recorded it as applied here without running it (" + recorded.applied().size()
				+ " changeset(s)). Databases that applied them record it the same way, new ones run only it; deploy"
				+ " every database to " + upTo + " with a release from before the squash first. Review and commit it.");
		return MigrateCommand.SUCCESS;
	}

	int revision() {
		Path source = source("revision");
		this.context.revisions().writeMasterChangelogIfMissing(source);
		MigrateProperties properties = this.context.properties();
		String logical = this.context.changelog().logicalChangesDirectory();
		Path written = this.context.migrate(ChangelogLocation.directory(source))
			.emptyRevision(source.resolve(logical), logical, properties.getMessage(), author(), properties.getFormat());
		this.out.println("Wrote " + written + ", an empty revision: write its changes and their rollback, then"
				+ " review and commit it");
		return MigrateCommand.SUCCESS;
	}

	private Path source(String command) {
		Path source = this.context.changelog().writableSourceDirectory();
		if (source == null) {
			throw new MigrateException("migrate " + command + " needs migrate.source-directory ("
					+ this.context.properties().getSourceDirectory()
					+ ") to be a writable folder; run it from the project directory");
		}
		return source;
	}

	private static String author() {
		String user = System.getProperty("user.name", "");
		String author = user.replaceAll("[^A-Za-z0-9._-]", "");
		return author.isEmpty() ? "migrate" : author;
	}

}

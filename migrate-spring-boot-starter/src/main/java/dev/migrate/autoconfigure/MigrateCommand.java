package dev.migrate.autoconfigure;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.migrate.core.Migrate.SchemaMismatchException;
import dev.migrate.core.Migrate;
import dev.migrate.core.PossibleRenameException;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.runner.AppliedChangeSet;
import dev.migrate.core.runner.ChangeSetRef;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.runner.MigrationStatus;
import dev.migrate.core.runner.Revision;
import dev.migrate.core.runner.UpgradeResult;

/**
 * Runs one command of command mode, prints its result for people on one stream (standard
 * output) and its errors on another (standard error), and returns the exit code: 0 on
 * success, 1 when {@code check} finds differences, 2 on an error.
 */
class MigrateCommand {

	static final int SUCCESS = 0;

	static final int CHANGES_PENDING = MigrateException.DIFFERENCES;

	static final int ERROR = MigrateException.ERROR;

	private final MigrateContext context;

	private final PrintStream out;

	private final PrintStream err;

	MigrateCommand(MigrateContext context, PrintStream out, PrintStream err) {
		this.context = context;
		this.out = out;
		this.err = err;
	}

	int run(MigrateProperties.Command command) {
		try {
			return execute(command);
		}
		catch (RuntimeException ex) {
			this.err.println("migrate " + name(command) + " failed: " + ex.getMessage());
			return (ex instanceof MigrateException migrateException) ? migrateException.exitCode() : ERROR;
		}
	}

	private int execute(MigrateProperties.Command command) {
		MigrateProperties properties = this.context.properties();
		if (command != MigrateProperties.Command.GENERATE && command != MigrateProperties.Command.CHECK
				&& command != MigrateProperties.Command.BASELINE && command != MigrateProperties.Command.REVISION
				&& command != MigrateProperties.Command.SQUASH && !this.context.changelog().exists()) {
			throw new MigrateException("No master changelog " + properties.getChangelog() + " in "
					+ this.context.changelog().location() + "; run generate first");
		}
		Migrate migrate = this.context.migrate();
		MigrationRunner runner = migrate.runner();
		switch (command) {
			case STATUS -> status(runner.status());
			case GENERATE -> {
				return generate();
			}
			case UPGRADE -> upgraded((properties.getTag() != null) ? runner.upgradeTo(properties.getTag())
					: (properties.getCount() != null) ? runner.upgrade(properties.getCount()) : runner.upgrade());
			case DOWNGRADE -> rolledBack((properties.getTag() != null) ? runner.downgradeTo(properties.getTag())
					: runner.downgrade((properties.getCount() != null) ? properties.getCount() : 1));
			case HISTORY -> runner.history()
				.forEach((changeSet) -> this.out
					.println(changeSet.order() + "  " + changeSet.executedAt() + "  " + changeSet.file() + "::"
							+ changeSet.id() + "::" + changeSet.author() + "  " + changeSet.execType()));
			case STAMP -> {
				List<ChangeSetRef> stamped = runner.stamp();
				this.out.println("Stamped " + stamped.size() + " changeset(s) as applied without running them");
				stamped.forEach((changeSet) -> this.out.println("  " + changeSet));
			}
			case CHECK -> {
				return check(migrate);
			}
			case SQL -> this.out.print(runner.sql());
			case BASELINE -> {
				return new AdoptionCommands(this.context, this.out).baseline();
			}
			case SQUASH -> {
				return new AdoptionCommands(this.context, this.out).squash();
			}
			case REVISION -> {
				return new AdoptionCommands(this.context, this.out).revision();
			}
		}
		return SUCCESS;
	}

	private void status(MigrationStatus status) {
		this.out.println("Current revision: " + ((status.current() != null) ? status.current() : "(none)"));
		printRevisions("Applied", status.applied());
		printRevisions("Pending", status.pending());
		this.out.println("Held back (destructive changesets and those that touch what they touch) ("
				+ status.blocked().size() + ")");
		status.blocked().forEach((changeSet) -> this.out.println("  " + changeSet + ": " + changeSet.description()));
	}

	private void printRevisions(String title, List<Revision> revisions) {
		this.out.println(title + " revisions (" + revisions.size() + ")");
		revisions.forEach((revision) -> this.out.println("  " + revision.name()));
	}

	private int generate() {
		Path source = this.context.changelog().writableSourceDirectory();
		if (source == null) {
			this.err.println(
					"migrate generate needs migrate.source-directory (" + this.context.properties().getSourceDirectory()
							+ ") to be a writable folder; run it from the project directory");
			return ERROR;
		}
		// The new revision goes into the source tree, so pending means pending there.
		Migrate sourceMigrate = this.context.migrate(ChangelogLocation.directory(source));
		MigrationStatus status = Files.exists(source.resolve(this.context.properties().getChangelog()))
				? sourceMigrate.runner().status() : null;
		if (status != null && status.hasPending()) {
			// As Alembic: a revision generated now would repeat what the pending ones do.
			this.err.println("migrate generate needs an up-to-date database, but " + status.pending().size()
					+ " revision(s) are pending: " + status.pending().stream().map(Revision::name).toList()
					+ "; run upgrade first (or delete revisions you no longer want)");
			return ERROR;
		}
		SchemaDiff diff = sourceMigrate.diff();
		Optional<Path> written = this.context.revisions()
			.generate(sourceMigrate, diff.withoutPossibleRenames(), source);
		if (!diff.possibleRenames().isEmpty()) {
			this.err
				.println(new PossibleRenameException(diff.possibleRenames(), written.map(Path::toString).orElse(null))
					.getMessage());
			return ERROR;
		}
		written.ifPresentOrElse((file) -> this.out.println("Wrote " + file + "; review and commit it"),
				() -> this.out.println("No changes: the database matches the entities"));
		return SUCCESS;
	}

	private void upgraded(UpgradeResult result) {
		this.out.println("Applied " + result.applied().size() + " changeset(s)");
		result.applied().forEach((changeSet) -> this.out.println("  " + changeSet));
		if (!result.blocked().isEmpty()) {
			this.out.println("Held back " + result.blocked().size()
					+ " destructive changeset(s); set migrate.diff.allow-destructive=true to apply them");
			result.blocked()
				.forEach((changeSet) -> this.out.println("  " + changeSet + ": " + changeSet.description()));
		}
	}

	private void rolledBack(List<AppliedChangeSet> changeSets) {
		this.out.println("Rolled back " + changeSets.size() + " changeset(s)");
		changeSets.forEach((changeSet) -> this.out
			.println("  " + changeSet.file() + "::" + changeSet.id() + "::" + changeSet.author()));
	}

	private int check(Migrate migrate) {
		try {
			SchemaDiff diff = migrate.check();
			this.out.println("OK: the database matches the entities");
			// Kept, not a difference: like an unmapped table, it is the user's to keep.
			unmapped(diff);
			return SUCCESS;
		}
		catch (SchemaMismatchException ex) {
			SchemaDiff diff = ex.diff();
			this.out.println(diff.changes().size() + " change(s) between the database and the entities:");
			diff.changes()
				.forEach((change) -> this.out.println("  " + change.description() + " ["
						+ change.classification().safety() + ": " + change.classification().reason() + "; lock: "
						+ migrate.dialect().lockImpact(change) + "]"));
			diff.possibleRenames()
				.forEach((rename) -> this.out
					.println("  possible rename: " + rename + " (confirm with migrate.diff.renames=" + rename.entry()
							+ ", deny with migrate.diff.not-renames=" + rename.entry() + ")"));
			unmapped(diff);
			return ex.exitCode();
		}
	}

	private void unmapped(SchemaDiff diff) {
		String unmapped = Migrate.unmapped(diff);
		if (!unmapped.isEmpty()) {
			this.out.println(unmapped.substring(1));
		}
	}

	private static String name(MigrateProperties.Command command) {
		return command.name().toLowerCase(java.util.Locale.ROOT);
	}

}

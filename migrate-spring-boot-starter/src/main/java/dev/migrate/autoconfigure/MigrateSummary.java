package dev.migrate.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.runner.MigrationStatus;
import org.jspecify.annotations.Nullable;

/**
 * The one line Migrate logs per start, e.g. {@code Migrate: public is at
 * 20261122091231_add_user_bio (revisions: 2 applied, 0 pending, 1 held back; no drift) in
 * 412 ms; applied 1 revision}. It counts revisions (files), the unit of every command.
 */
final class MigrateSummary {

	private final MigrateContext context;

	private final ModeStartupStrategy.Outcome outcome;

	private final Duration took;

	MigrateSummary(MigrateContext context, ModeStartupStrategy.Outcome outcome, Duration took) {
		this.context = context;
		this.outcome = outcome;
		this.took = took;
	}

	@Override
	public String toString() {
		MigrationStatus status = this.outcome.status();
		String instance = this.context.instanceName();
		StringBuilder line = new StringBuilder("Migrate")
			.append((instance != null) ? " (instance " + instance + "): " : ": ")
			.append(status.schema());
		line.append((status.current() != null) ? " is at " + status.current() : " has no revision applied");
		line.append(" (revisions: ")
			.append(status.applied().size())
			.append(" applied, ")
			.append(status.applicable().size())
			.append(" pending, ")
			.append(status.heldBack().size())
			.append(" held back; ")
			.append(drift(this.outcome.drift()))
			.append(") in ")
			.append(this.took.toMillis())
			.append(" ms");
		List<String> done = new ArrayList<>();
		if (this.outcome.unchanged()) {
			done.add("nothing changed since the last run (checked without Liquibase)");
		}
		if (this.outcome.appliedRevisions() > 0) {
			int revisions = this.outcome.appliedRevisions();
			done.add("applied " + revisions + ((revisions != 1) ? " revisions" : " revision"));
		}
		if (this.outcome.generated() != null) {
			done.add("wrote " + this.outcome.generated());
		}
		if (!done.isEmpty()) {
			line.append("; ").append(String.join(", ", done));
		}
		if (this.context.properties().getMode() == MigrateProperties.Mode.AUTO && !this.outcome.generating()) {
			line.append("; auto mode generates revisions only in a development run with a writable ")
				.append(this.context.properties().getSourceDirectory())
				.append(this.context.isDevelopmentRun() ? "" : " (this one runs from a packaged application)");
		}
		return line.toString();
	}

	private String drift(@Nullable SchemaDiff drift) {
		if (drift == null) {
			return "drift compared after startup";
		}
		String changes = drift.changes().isEmpty() ? "no drift" : drift.changes().size() + " change(s) of drift";
		return drift.unmapped().isEmpty() ? changes
				: changes + ", " + drift.unmapped().size() + " unmapped index(es) or constraint(s) kept";
	}

}

package dev.migrate.autoconfigure;

import java.time.Instant;

import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.runner.MigrationStatus;
import org.jspecify.annotations.Nullable;

/**
 * What Migrate last found out about the database, served by the endpoint, health and
 * metrics without touching the database.
 *
 * @param checked when it was found out
 * @param revisions applied, pending and held-back revisions, or {@code null} when there
 * is no changelog or they are not known yet
 * @param drift the changes between the database and the entities, or {@code null} when
 * there are no entities or the comparison has not run yet
 * @param error why the last refresh failed, or {@code null}
 */
public record MigrateStatus(Instant checked, @Nullable MigrationStatus revisions, @Nullable SchemaDiff drift,
		@Nullable String error) {

	static MigrateStatus unknown() {
		return new MigrateStatus(Instant.now(), null, null, null);
	}

	/**
	 * Return whether revisions are pending that an upgrade would apply: a reason for a
	 * platform to act, unlike destructive revisions held back on purpose.
	 * @return whether applicable revisions are pending
	 */
	public boolean hasApplicablePending() {
		return this.revisions != null && !this.revisions.applicable().isEmpty();
	}

	MigrateStatus failed(String error) {
		return new MigrateStatus(Instant.now(), this.revisions, this.drift, error);
	}

}

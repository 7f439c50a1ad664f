package dev.migrate.autoconfigure.endpoint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrate.autoconfigure.MigrateDatabase;
import dev.migrate.autoconfigure.MigrateInitializer;
import dev.migrate.autoconfigure.MigrateInstance;
import dev.migrate.autoconfigure.MigrateInstances;
import dev.migrate.autoconfigure.MigrateRun;
import dev.migrate.autoconfigure.MigrateStatus;
import dev.migrate.core.Migrate;
import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.runner.ChangeSetRef;
import dev.migrate.core.runner.MigrationStatus;
import dev.migrate.core.runner.Revision;
import dev.migrate.core.tenant.SchemaOutcome;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/migrate}: applied and pending revisions, destructive changes held
 * back, drift between entities and database, the last run, and the database (URL masked);
 * the same for each database of {@code migrate.instances}.
 */
@Endpoint(id = "migrate")
public class MigrateEndpoint {

	private final Migrate migrate;

	private final MigrateInitializer initializer;

	private final @Nullable MigrateInstances instances;

	/**
	 * Create a new instance.
	 * @param migrate Migrate over the application's database, whose dialect tells the
	 * lock each change of the drift takes
	 * @param initializer the startup run, and the status found since
	 */
	public MigrateEndpoint(Migrate migrate, MigrateInitializer initializer) {
		this(migrate, initializer, null);
	}

	/**
	 * Create a new instance.
	 * @param migrate Migrate over the application's database, whose dialect tells the
	 * lock each change of the drift takes
	 * @param initializer the startup run, and the status found since
	 * @param instances the databases of {@code migrate.instances}, if any
	 */
	public MigrateEndpoint(Migrate migrate, MigrateInitializer initializer, @Nullable MigrateInstances instances) {
		this.migrate = migrate;
		this.initializer = initializer;
		this.instances = instances;
	}

	/**
	 * Report the status Migrate last computed (at startup, then in the background);
	 * serving it reads neither the changelog nor the catalog, and opens no connection.
	 * @return the report
	 */
	@ReadOperation
	public MigrateReport report() {
		Map<String, MigrateReport> instances = null;
		if (this.instances != null) {
			instances = new LinkedHashMap<>();
			for (MigrateInstance instance : this.instances.instances().values()) {
				instances.put(instance.name(), report(instance.migrate(), instance.initializer(), null, null));
			}
		}
		return report(this.migrate, this.initializer, this.initializer.tenantOutcomes(), instances);
	}

	private static MigrateReport report(Migrate migrate, MigrateInitializer initializer,
			@Nullable Map<String, SchemaOutcome> schemas, @Nullable Map<String, MigrateReport> instances) {
		MigrateStatus current = initializer.status();
		MigrationStatus status = current.revisions();
		SchemaDiff drift = current.drift();
		return new MigrateReport(initializer.database(), initializer.mode().name().toLowerCase(Locale.ROOT),
				initializer.lastRun(), current.checked(), current.error(),
				(status != null) ? revisions(status.applied()) : List.of(),
				(status != null) ? revisions(status.pending()) : List.of(),
				(status != null) ? status.blocked().stream().map(ChangeSetReport::of).toList() : List.of(),
				(drift != null) ? drift.changes()
					.stream()
					.map((change) -> new ChangeReport(change.description(), change.classification().safety().name(),
							change.classification().reason(), migrate.dialect().lockImpact(change)))
					.toList() : null,
				(drift != null) ? drift.possibleRenames().stream().map(Object::toString).toList() : null,
				(drift != null) ? drift.unmapped().stream().map(Change::description).toList() : null, schemas,
				instances);
	}

	private static List<RevisionReport> revisions(List<Revision> revisions) {
		return revisions.stream()
			.map((revision) -> new RevisionReport(revision.name(),
					revision.changeSets().stream().map(ChangeSetRef::id).toList()))
			.toList();
	}

	/**
	 * The endpoint's answer.
	 *
	 * @param database the database
	 * @param mode the startup mode
	 * @param lastRun the last startup run, if any
	 * @param checked when the status below was computed
	 * @param error why the last refresh of the status failed, if it did
	 * @param applied applied revisions
	 * @param pending pending revisions
	 * @param blocked changesets held back: the destructive ones and those that depend on
	 * them
	 * @param drift changes between the database and the entities, or {@code null} before
	 * the first comparison or without entities
	 * @param possibleRenames drop/add pairs that look like renames, or {@code null} as
	 * drift
	 * @param unmapped what Migrate would drop, but keeps: indexes and constraints that
	 * only the database has on mapped tables ({@code migrate.diff.drop-unmapped} lets it
	 * drop them), or {@code null} as drift
	 * @param schemas what the startup run did in each tenant schema
	 * ({@code migrate.schemas}): revisions applied and pending, changesets applied,
	 * outcome and error; {@code null} without tenant schemas
	 * @param instances the same report for each database of {@code migrate.instances}, by
	 * instance name; {@code null} without instances
	 */
	public record MigrateReport(MigrateDatabase database, String mode, @Nullable MigrateRun lastRun, Instant checked,
			@Nullable String error, List<RevisionReport> applied, List<RevisionReport> pending,
			List<ChangeSetReport> blocked, @Nullable List<ChangeReport> drift, @Nullable List<String> possibleRenames,
			@Nullable List<String> unmapped, @Nullable Map<String, SchemaOutcome> schemas,
			@Nullable Map<String, MigrateReport> instances) {

	}

	/**
	 * A revision and its changeset ids.
	 *
	 * @param revision the revision file name
	 * @param changeSets its changeset ids
	 */
	public record RevisionReport(String revision, List<String> changeSets) {

	}

	/**
	 * A changeset.
	 *
	 * @param file its file
	 * @param id its id
	 * @param description what it does
	 */
	public record ChangeSetReport(String file, String id, String description) {

		static ChangeSetReport of(ChangeSetRef changeSet) {
			return new ChangeSetReport(changeSet.file(), changeSet.id(), changeSet.description());
		}

	}

	/**
	 * A change between the database and the entities.
	 *
	 * @param change what would change
	 * @param safety its safety class
	 * @param reason why it has that class
	 * @param lock the lock it takes and how long it may hold it
	 */
	public record ChangeReport(String change, String safety, String reason, String lock) {

	}

}

package dev.migrate.autoconfigure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.migrate.autoconfigure.endpoint.MigrateEndpoint;
import dev.migrate.autoconfigure.endpoint.MigrateEndpointAutoConfiguration;
import dev.migrate.autoconfigure.endpoint.MigrateEndpoint.MigrateReport;
import dev.migrate.autoconfigure.health.MigrateHealthIndicator;
import dev.migrate.autoconfigure.metrics.MigrateMetrics;
import dev.migrate.core.Migrate;
import dev.migrate.core.changelog.ChangelogFormat;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.runner.ChangelogFiles;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
class MigrateEndpointTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MigrateAutoConfiguration.class, MigrateEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=migrate");

	@TempDir
	Path source;

	private TestDatabase ownDatabase;

	@org.junit.jupiter.api.BeforeEach
	void createDatabase() {
		this.ownDatabase = dev.migrate.testsupport.TestPostgres.createDatabase();
	}

	@org.junit.jupiter.api.AfterEach
	void dropDatabase() {
		this.ownDatabase.close();
	}

	@Test
	void reportsRevisionsDriftLastRunAndAMaskedDatabaseUrl() {
		TestDatabase database = this.ownDatabase;
		// A password in the URL, as some deployments pass it (the embedded server trusts
		// any).
		String secret = database.password().isEmpty() ? "s3cret-in-the-url" : database.password();
		org.postgresql.ds.PGSimpleDataSource passwordInUrl = new org.postgresql.ds.PGSimpleDataSource();
		passwordInUrl.setUrl(database.jdbcUrl() + "?password=" + secret);
		passwordInUrl.setUser(database.user());
		developingPeople(passwordInUrl).run((context) -> {
			MigrateReport report = context.getBean(MigrateEndpoint.class).report();
			assertThat(report.mode()).isEqualTo("auto");
			assertThat(report.database().product()).isEqualTo("PostgreSQL");
			assertThat(report.database().url()).isEqualTo(database.jdbcUrl())
				.doesNotContain(secret)
				.doesNotContain("password");
			assertThat(report.lastRun().successful()).isTrue();
			assertThat(report.lastRun().applied()).isEqualTo(1);
			assertThat(report.lastRun().generated()).endsWith("_create_person.yaml");
			assertThat(report.lastRun().error()).isNull();
			assertThat(report.applied()).singleElement()
				.satisfies((revision) -> assertThat(revision.revision()).endsWith("_create_person.yaml"));
			assertThat(report.pending()).isEmpty();
			assertThat(report.blocked()).isEmpty();
			assertThat(report.drift()).isEmpty();
			Health health = context.getBean(MigrateHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("pending", 0).containsEntry("drift", 0);

			// Entities do not change in a running application; the database may.
			database.execute("ALTER TABLE person DROP COLUMN bio");
			assertThat(context.getBean(MigrateEndpoint.class).report().drift())
				.as("served from the status computed at startup")
				.isEmpty();
			context.getBean(MigrateStatusMonitor.class).refresh();
			MigrateReport drifted = context.getBean(MigrateEndpoint.class).report();
			assertThat(drifted.drift()).singleElement().satisfies((change) -> {
				assertThat(change.change()).isEqualTo("add column public.person.bio text");
				assertThat(change.safety()).isEqualTo("SAFE");
				assertThat(change.reason()).isEqualTo("adds a nullable column");
				assertThat(change.lock()).isEqualTo("ACCESS EXCLUSIVE, brief (catalog only)");
			});
			Health driftedHealth = context.getBean(MigrateHealthIndicator.class).health(true);
			assertThat(driftedHealth.getStatus()).as("drift alone is reported, not DOWN").isEqualTo(Status.UP);
			assertThat(driftedHealth.getDetails()).containsEntry("drift", 1);

			context.getBean(MigrateContext.class)
				.migrate()
				.generate(this.source.resolve("db/migrate/changes"), "db/migrate/changes", "bio",
						dev.migrate.core.changelog.ChangelogFormat.YAML);
			context.getBean(MigrateStatusMonitor.class).refresh();
			assertThat(context.getBean(MigrateEndpoint.class).report().pending()).singleElement()
				.satisfies((revision) -> assertThat(revision.revision()).endsWith("_bio.yaml"));
			Health pendingHealth = context.getBean(MigrateHealthIndicator.class).health(true);
			assertThat(pendingHealth.getStatus()).isEqualTo(Status.DOWN);
			assertThat(pendingHealth.getDetails()).containsEntry("pending", 1);
		});
	}

	@Test
	void timesTheRunAndGaugesPendingRevisions() {
		TestDatabase database = this.ownDatabase;
		developingPeople(database).run((context) -> {
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(MigrateMetrics.class).bindTo(registry);
			Timer run = registry.get("migrate.run")
				.tag("mode", "auto")
				.tag("outcome", "success")
				.tag(MigrateMetrics.INSTANCE_TAG, MigrateInstances.DEFAULT_NAME)
				.timer();
			assertThat(run.count()).isEqualTo(1);
			assertThat(run.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
				.isEqualTo(context.getBean(MigrateInitializer.class).lastRun().duration().toNanos());
			assertThat(registry.get("migrate.pending").gauge().value()).isZero();
			database.execute("ALTER TABLE person DROP COLUMN bio");
			context.getBean(MigrateContext.class)
				.migrate()
				.generate(this.source.resolve("db/migrate/changes"), "db/migrate/changes", "bio",
						dev.migrate.core.changelog.ChangelogFormat.YAML);
			context.getBean(MigrateStatusMonitor.class).refresh();
			assertThat(registry.get("migrate.pending").gauge().value()).isEqualTo(1);
		});
	}

	@Test
	void reportsADestructiveRevisionHeldBackOnPurposeWithoutGoingDown() throws Exception {
		TestDatabase database = this.ownDatabase;
		developingPeople(database).run((context) -> {
			// A teammate's revision drops the column; this instance may not.
			new Migrate(database.dataSource(), () -> person(false), ChangelogFiles.inDirectory(this.source),
					"db/migrate/changelog.yaml", DiffOptions.defaults(), RunnerOptions.defaults())
				.generate(this.source.resolve("db/migrate/changes"), "db/migrate/changes", "drop bio",
						ChangelogFormat.YAML);
			context.getBean(MigrateStatusMonitor.class).refresh();
			MigrateReport report = context.getBean(MigrateEndpoint.class).report();
			assertThat(report.pending()).singleElement()
				.satisfies((revision) -> assertThat(revision.revision()).endsWith("_drop_bio.yaml"));
			assertThat(report.blocked()).singleElement()
				.satisfies((changeSet) -> assertThat(changeSet.description()).contains("drop column"));
			Health health = context.getBean(MigrateHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("pending", 0).containsEntry("heldBack", 1);
		});
	}

	@Test
	void servesTheStatusFoundAtStartupUntilTheBackgroundRefreshRuns() {
		TestDatabase database = this.ownDatabase;
		developingPeople(database).withPropertyValues("migrate.status-refresh-interval=100ms").run((context) -> {
			database.execute("ALTER TABLE person DROP COLUMN bio");
			MigrateStatusMonitor monitor = context.getBean(MigrateStatusMonitor.class);
			java.time.Instant startup = monitor.status().checked();
			long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
			while (monitor.status().drift().isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(monitor.status().drift().changes()).singleElement()
				.satisfies((change) -> assertThat(change.description()).isEqualTo("add column public.person.bio text"));
			assertThat(monitor.status().checked()).isAfter(startup);
		});
	}

	@Test
	void servesTheEndpointWithoutOpeningAConnection() {
		AtomicInteger connections = new AtomicInteger();
		DataSource counting = new DelegatingDataSource(this.ownDatabase.dataSource()) {

			@Override
			public Connection getConnection() throws SQLException {
				connections.incrementAndGet();
				return super.getConnection();
			}

		};
		this.contextRunner.withBean(DataSource.class, () -> counting)
			.withBean(EntitySchemaSource.class, () -> () -> person(true))
			.withPropertyValues("migrate.mode=auto", "migrate.development=true",
					"migrate.source-directory=" + this.source, "migrate.status-refresh-interval=0")
			.run((context) -> {
				context.getBean(MigrateStatusMonitor.class).refresh();
				int before = connections.get();
				MigrateEndpoint endpoint = context.getBean(MigrateEndpoint.class);
				for (int i = 0; i < 3; i++) {
					MigrateReport report = endpoint.report();
					assertThat(report.database().product()).isEqualTo("PostgreSQL");
					assertThat(report.database().url()).endsWith("/" + this.ownDatabase.name());
				}
				assertThat(connections.get()).as("connections opened by three requests").isEqualTo(before);
			});
	}

	@Test
	void backsOffWhenTheEndpointIsNotExposed(TestDatabase database) {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MigrateAutoConfiguration.class, MigrateEndpointAutoConfiguration.class))
			.withBean(DataSource.class, database::dataSource)
			.withPropertyValues("migrate.mode=none")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrateEndpoint.class)
				.hasSingleBean(MigrateHealthIndicator.class));
	}

	/**
	 * A development run in auto mode of an application whose entities are a person with a
	 * bio.
	 */
	private ApplicationContextRunner developingPeople(TestDatabase database) {
		return developingPeople(database.dataSource());
	}

	private ApplicationContextRunner developingPeople(DataSource dataSource) {
		return this.contextRunner.withBean(DataSource.class, () -> dataSource)
			.withBean(EntitySchemaSource.class, () -> () -> person(true))
			.withPropertyValues("migrate.mode=auto", "migrate.development=true",
					"migrate.source-directory=" + this.source);
	}

	private static Schema person(boolean withBio) {
		List<Column> columns = new ArrayList<>(
				List.of(new Column("id", ColumnType.of("int8"), false, null, null, null)));
		if (withBio) {
			columns.add(new Column("bio", ColumnType.of("text"), true, null, null, null));
		}
		return new Schema(
				new TreeSet<>(List.of("public")), List.of(new Table(new QualifiedName("public", "person"), columns,
						new PrimaryKey(null, List.of("id")), List.of(), List.of(), List.of(), List.of(), null)),
				List.of(), List.of());
	}

}

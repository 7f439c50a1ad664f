package dev.migrate.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.migrate.autoconfigure.endpoint.MigrateEndpoint;
import dev.migrate.autoconfigure.endpoint.MigrateEndpoint.MigrateReport;
import dev.migrate.autoconfigure.app.multi.ShopApplication;
import dev.migrate.autoconfigure.health.MigrateHealthIndicator;
import dev.migrate.autoconfigure.metrics.MigrateMetrics;
import dev.migrate.core.Migrate;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An application with two databases (orders, the primary, and customers), each with its
 * own data source, entity package and {@code EntityManagerFactory}: the default instance
 * migrates orders ({@code migrate.entity-packages}), the {@code customers} instance
 * ({@code migrate.instances.customers.*}) the other, both before JPA validates them.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class MigrateInstancesApplicationTests {

	private static final String SHORTCUT = "nothing changed since the last run (checked without Liquibase)";

	private static final String ORDERS = "dev.migrate.autoconfigure.app.multi.orders";

	private static final String CUSTOMERS = "dev.migrate.autoconfigure.app.multi.customers";

	@TempDir
	Path source;

	@Test
	void migratesEachDatabaseWithItsOwnEntitiesHistoryAndRevisionsAndARestartWritesNothing(CapturedOutput output) {
		try (TestDatabase orders = TestPostgres.createDatabase();
				TestDatabase customers = TestPostgres.createDatabase()) {
			try (ConfigurableApplicationContext context = start(orders, customers)) {
				assertThat(tables(orders)).contains("invoice", "databasechangelog").doesNotContain("customer");
				assertThat(tables(customers)).contains("customer", "databasechangelog").doesNotContain("invoice");
				assertThat(revisions("db/migrate/changes")).singleElement()
					.satisfies((file) -> assertThat(file).endsWith("_create_invoice.yaml"));
				assertThat(revisions("db/migrate/customers/changes")).singleElement()
					.satisfies((file) -> assertThat(file).endsWith("_create_customer.yaml"));
				assertThat(this.source.resolve("db/migrate/customers/changelog.yaml")).exists();
				MigrateInstance instance = context.getBean(MigrateInstances.class).get("customers");
				assertThat(context.getBean("customersMigrate", Migrate.class)).isSameAs(instance.migrate());
				assertThat(context.getBean(Migrate.class)).isSameAs(context.getBean("migrate"));

				MigrateReport report = context.getBean(MigrateEndpoint.class).report();
				assertThat(report.database().url()).endsWith("/" + orders.name());
				assertThat(report.applied()).singleElement()
					.satisfies((revision) -> assertThat(revision.revision()).endsWith("_create_invoice.yaml"));
				assertThat(report.instances()).containsOnlyKeys("customers");
				MigrateReport customersReport = report.instances().get("customers");
				assertThat(customersReport.database().url()).endsWith("/" + customers.name());
				assertThat(customersReport.lastRun().successful()).isTrue();
				assertThat(customersReport.lastRun().generated()).endsWith("_create_customer.yaml");
				assertThat(customersReport.applied()).singleElement()
					.satisfies((revision) -> assertThat(revision.revision()).endsWith("_create_customer.yaml"));
				assertThat(customersReport.pending()).isEmpty();
				Health health = context.getBean(MigrateHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("failedInstances", List.of());
				assertThat(instanceHealth(health, "customers")).containsEntry("status", "UP")
					.containsEntry("pending", 0);
			}
			String ordersHistory = orders.queryForString("SELECT count(*) FROM databasechangelog");
			String customersHistory = customers.queryForString("SELECT count(*) FROM databasechangelog");
			int before = output.getOut().length();
			try (ConfigurableApplicationContext context = start(orders, customers)) {
				// Both instances take the development shortcut, though the customers
				// changelog's folder is inside the default one and got a revision after
				// the default instance recorded its fingerprints.
				assertThat(output.getOut().substring(before).split(Pattern.quote(SHORTCUT), -1)).hasSize(3);
				MigrateInstance instance = context.getBean(MigrateInstances.class).get("customers");
				assertThat(instance.initializer().lastRun().generated()).isNull();
				assertThat(instance.initializer().lastRun().applied()).isZero();
				assertThat(context.getBean(MigrateInitializer.class).lastRun().generated()).isNull();
			}
			assertThat(revisions("db/migrate/changes")).hasSize(1);
			assertThat(revisions("db/migrate/customers/changes")).hasSize(1);
			assertThat(orders.queryForString("SELECT count(*) FROM databasechangelog")).isEqualTo(ordersHistory);
			assertThat(customers.queryForString("SELECT count(*) FROM databasechangelog")).isEqualTo(customersHistory);
		}
	}

	@Test
	void healthIsDownNamingTheInstanceWithPendingRevisions() {
		try (TestDatabase orders = TestPostgres.createDatabase();
				TestDatabase customers = TestPostgres.createDatabase()) {
			try (ConfigurableApplicationContext context = start(orders, customers)) {
				MigrateInstance instance = context.getBean(MigrateInstances.class).get("customers");
				// A teammate's revision adds back a column this database lost.
				customers.execute("ALTER TABLE customer DROP COLUMN email");
				instance.context()
					.revisions()
					.generate(instance.migrate(), instance.context().changelog().autoSourceDirectory())
					.orElseThrow();
				instance.monitor().refresh();
				Health health = context.getBean(MigrateHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("failedInstances", List.of("customers"))
					.containsEntry("pending", 0);
				assertThat(instanceHealth(health, "customers")).containsEntry("status", "DOWN")
					.containsEntry("pending", 1);
				assertThat(context.getBean(MigrateEndpoint.class).report().instances().get("customers").pending())
					.singleElement()
					.satisfies((revision) -> assertThat(revision.revision()).endsWith("_add_customer_email.yaml"));
				SimpleMeterRegistry registry = new SimpleMeterRegistry();
				context.getBean(MigrateMetrics.class).bindTo(registry);
				assertThat(
						registry.get("migrate.pending").tag(MigrateMetrics.INSTANCE_TAG, "customers").gauge().value())
					.isEqualTo(1);
				assertThat(registry.get("migrate.pending").tag(MigrateMetrics.INSTANCE_TAG, "default").gauge().value())
					.isZero();
				assertThat(registry.get("migrate.run").tag(MigrateMetrics.INSTANCE_TAG, "customers").timer().count())
					.isEqualTo(1);
			}
		}
	}

	@Test
	void aCommandRunsOnTheInstanceMigrateInstanceNamesAndLeavesTheOthersAsTheyAre(CapturedOutput output) {
		try (TestDatabase orders = TestPostgres.createDatabase();
				TestDatabase customers = TestPostgres.createDatabase()) {
			start(orders, customers).close();
			// What the default instance would turn into a revision, were it to run.
			orders.execute("ALTER TABLE invoice ADD COLUMN note text");
			AtomicInteger exit = new AtomicInteger(-1);
			int before = output.getOut().length();
			command(orders, customers, exit, "migrate.command=history", "migrate.instance=customers").close();
			assertThat(exit).as("history's exit code").hasValue(0);
			assertThat(output.getOut().substring(before)).contains("_create_customer.yaml::")
				.doesNotContain("_create_invoice.yaml::");
			assertThat(revisions("db/migrate/changes")).as("the default instance did not run (it would drop note)")
				.hasSize(1);

			Throwable failure = catchThrowable(
					() -> command(orders, customers, exit, "migrate.command=history", "migrate.instance=suppliers"));
			assertThat(failure).hasRootCauseInstanceOf(MigrateInstances.InstanceConfigurationException.class)
				.rootCause()
				.hasMessageContaining("migrate.instance names 'suppliers', but the instances are [customers]")
				.hasMessageContaining("Nothing was run");
		}
	}

	private ConfigurableApplicationContext command(TestDatabase orders, TestDatabase customers, AtomicInteger exit,
			String... properties) {
		return new PeopleStarts(this.source)
			.builder(ShopApplication.class, orders, "migrate.mode=auto", "migrate.development=true",
					"migrate.status-refresh-interval=0", "migrate.entity-packages=" + ORDERS,
					"migrate.instances.customers.data-source=customersDataSource",
					"migrate.instances.customers.entity-packages=" + CUSTOMERS, "customers.url=" + customers.jdbcUrl(),
					"customers.username=" + customers.user(), "customers.password=" + customers.password())
			.properties(properties)
			.initializers(
					(context) -> context.getBeanFactory().registerSingleton("migrateExit", (MigrateExit) exit::set))
			.run();
	}

	@Test
	void appliesEachInstancesRevisionsFromTheClasspathOnFreshDatabasesAsADeploymentDoes() {
		try (TestDatabase orders = TestPostgres.createDatabase();
				TestDatabase customers = TestPostgres.createDatabase()) {
			start(orders, customers).close();
		}
		List<String> written = revisions("db/migrate/customers/changes");
		try (TestDatabase orders = TestPostgres.createDatabase();
				TestDatabase customers = TestPostgres.createDatabase()) {
			try (ConfigurableApplicationContext context = start(orders, customers, "migrate.mode=apply",
					"migrate.development=false")) {
				assertThat(tables(orders)).contains("invoice", "databasechangelog").doesNotContain("customer");
				assertThat(tables(customers)).contains("customer", "databasechangelog").doesNotContain("invoice");
				MigrateInstance instance = context.getBean(MigrateInstances.class).get("customers");
				assertThat(instance.initializer().lastRun().mode()).isEqualTo(MigrateProperties.Mode.APPLY);
				assertThat(instance.initializer().lastRun().applied()).isEqualTo(1);
				assertThat(instance.initializer().lastRun().generated()).isNull();
				assertThat(instance.context().changelog().describe())
					.startsWith("classpath:db/migrate/customers/changelog.yaml");
			}
			assertThat(revisions("db/migrate/customers/changes")).isEqualTo(written);
		}
	}

	@Test
	void failsTheStartNamingTheInstancesChangelogPropertyWhenItsChangelogIsNotPackaged() {
		try (TestDatabase orders = TestPostgres.createDatabase();
				TestDatabase customers = TestPostgres.createDatabase()) {
			Throwable failure = catchThrowable(() -> start(orders, customers, "migrate.mode=none",
					"migrate.development=false", "migrate.instances.customers.mode=apply")
				.close());
			assertThat(failure).rootCause()
				.hasMessageStartingWith(
						"Migrate found no master changelog classpath:db/migrate/customers/changelog.yaml")
				.hasMessageContaining("(src/main/resources/db/migrate/customers/changelog.yaml)")
				.hasMessageEndingWith("or point migrate.instances.customers.changelog at it.");
			assertThat(customers.queryForString("SELECT to_regclass('customer')")).isNull();
		}
	}

	private ConfigurableApplicationContext start(TestDatabase orders, TestDatabase customers, String... properties) {
		return new PeopleStarts(this.source)
			.builder(ShopApplication.class, orders, "migrate.mode=auto", "migrate.development=true",
					"migrate.status-refresh-interval=0", "migrate.entity-packages=" + ORDERS,
					"migrate.instances.customers.data-source=customersDataSource",
					"migrate.instances.customers.entity-packages=" + CUSTOMERS, "customers.url=" + customers.jdbcUrl(),
					"customers.username=" + customers.user(), "customers.password=" + customers.password(),
					"management.endpoints.web.exposure.include=migrate")
			.properties(properties)
			.run();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> instanceHealth(Health health, String name) {
		return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("instances")).get(name);
	}

	private static List<String> tables(TestDatabase database) {
		return List
			.of(database.queryForString("SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'")
				.split(","));
	}

	private List<String> revisions(String folder) {
		Path changes = this.source.resolve(folder);
		if (!Files.isDirectory(changes)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(changes)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package dev.migrate.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import dev.migrate.autoconfigure.endpoint.MigrateEndpoint;
import dev.migrate.autoconfigure.endpoint.MigrateEndpointAutoConfiguration;
import dev.migrate.autoconfigure.endpoint.MigrateEndpoint.MigrateReport;
import dev.migrate.autoconfigure.health.MigrateHealthIndicator;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate.schemas}: the tenant schemas are migrated at startup after the template,
 * each reported in the endpoint and the health.
 */
@PostgresTest
class TenantSchemasApplicationTests {

	private static final List<String> TENANTS = List.of("tenant_a", "tenant_b", "tenant_c");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MigrateAutoConfiguration.class, MigrateEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=migrate");

	@TempDir
	Path source;

	@Test
	void migratesEveryTenantSchemaAtStartupAndReportsEachInTheEndpointAndHealth() {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			notes(database).withPropertyValues("migrate.schemas=" + String.join(",", TENANTS)).run((context) -> {
				assertThat(context).hasNotFailed();
				MigrateReport report = context.getBean(MigrateEndpoint.class).report();
				assertThat(report.schemas()).containsOnlyKeys(TENANTS);
				assertThat(report.schemas().values()).allSatisfy((outcome) -> {
					assertThat(outcome.successful()).as(outcome.schema() + ": " + outcome.error()).isTrue();
					assertThat(outcome.applied()).isEqualTo(1);
					assertThat(outcome.revisions()).isEqualTo(1);
					assertThat(outcome.pending()).isZero();
				});
				Health health = context.getBean(MigrateHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("schemas", 3).containsEntry("failedSchemas", List.of());
			});
			for (String tenant : TENANTS) {
				assertThat(database.queryForString("SELECT count(*) FROM " + tenant + ".databasechangelog"))
					.isEqualTo("1");
				assertThat(database.queryForString("SELECT to_regclass('" + tenant + ".note') IS NOT NULL"))
					.isEqualTo("t");
			}
			notes(database).withPropertyValues("migrate.schemas=" + String.join(",", TENANTS)).run((context) -> {
				MigrateReport report = context.getBean(MigrateEndpoint.class).report();
				assertThat(report.schemas().values()).allSatisfy((outcome) -> {
					assertThat(outcome.successful()).isTrue();
					assertThat(outcome.applied()).isZero();
					assertThat(outcome.unchanged()).isTrue();
				});
			});
		}
	}

	@Test
	void aFailingTenantIsReportedInTheEndpointAndHealthWhileTheOthersAreMigrated() {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			database.execute("CREATE SCHEMA tenant_b; CREATE TABLE tenant_b.note (name text)");
			notes(database).withPropertyValues("migrate.schemas=" + String.join(",", TENANTS)).run((context) -> {
				assertThat(context).hasNotFailed();
				MigrateReport report = context.getBean(MigrateEndpoint.class).report();
				assertThat(report.schemas().get("tenant_b").successful()).isFalse();
				assertThat(report.schemas().get("tenant_b").error()).contains("note");
				assertThat(report.schemas().get("tenant_a").successful()).isTrue();
				assertThat(report.schemas().get("tenant_c").revisions()).isEqualTo(1);
				Health health = context.getBean(MigrateHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("failedSchemas", List.of("tenant_b"));
			});
		}
	}

	@Test
	void aSchemaProviderBeanNamesTheTenants() {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			notes(database).withBean(MigrateSchemaProvider.class, () -> () -> List.of("tenant_x"))
				.withPropertyValues("migrate.schemas=tenant_a")
				.run((context) -> {
					assertThat(context.getBean(MigrateEndpoint.class).report().schemas()).containsOnlyKeys("tenant_x");
					assertThat(database.queryForString("SELECT count(*) FROM tenant_x.databasechangelog"))
						.isEqualTo("1");
				});
		}
	}

	private ApplicationContextRunner notes(TestDatabase database) {
		return this.contextRunner.withBean(DataSource.class, database::dataSource)
			.withBean(EntitySchemaSource.class, () -> () -> NoteSchema.NOTE)
			.withPropertyValues("migrate.mode=auto", "migrate.development=true",
					"migrate.source-directory=" + this.source);
	}

}

package dev.migrate.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.runner.ChangeSetRef;
import dev.migrate.core.runner.MigrationStatus;
import dev.migrate.core.runner.Revision;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary line counts one unit, revisions (files), and names it.
 */
class MigrateSummaryTests {

	private static final ChangeSetRef CREATE_1 = changeSet("1_create.yaml", "1-1");

	private static final ChangeSetRef CREATE_2 = changeSet("1_create.yaml", "1-2");

	private static final ChangeSetRef ADD = changeSet("2_add_bio.yaml", "2-1");

	@Test
	void countsRevisionsNotChangesets() {
		MigrationStatus status = new MigrationStatus("public",
				List.of(new Revision("1_create.yaml", List.of(CREATE_1, CREATE_2)),
						new Revision("2_add_bio.yaml", List.of(ADD))),
				List.of(), List.of(), List.of());
		String line = summary(new ModeStartupStrategy.Outcome(false, status, new SchemaDiff(List.of(), List.of()),
				List.of(CREATE_1, CREATE_2, ADD), null, false));
		assertThat(line).startsWith(
				"Migrate: public is at 2_add_bio.yaml (revisions: 2 applied, 0 pending, 0 held back; no drift) in 12 ms")
			.endsWith("; applied 2 revisions")
			.doesNotContain("changeset");
	}

	@Test
	void namesASingleRevisionInTheSingular() {
		MigrationStatus status = new MigrationStatus("public", List.of(new Revision("2_add_bio.yaml", List.of(ADD))),
				List.of(), List.of(), List.of());
		assertThat(summary(new ModeStartupStrategy.Outcome(false, status, null, List.of(ADD), null, false)))
			.endsWith("; applied 1 revision");
	}

	@Test
	void namesTheInstanceOfASecondDatabase() {
		MigrationStatus status = new MigrationStatus("public", List.of(new Revision("2_add_bio.yaml", List.of(ADD))),
				List.of(), List.of(), List.of());
		MigrateContext context = context().instanceName("customers");
		assertThat(new MigrateSummary(context,
				new ModeStartupStrategy.Outcome(false, status, null, List.of(ADD), null, false), Duration.ofMillis(12))
			.toString()).startsWith("Migrate (instance customers): public is at 2_add_bio.yaml");
	}

	private static String summary(ModeStartupStrategy.Outcome outcome) {
		return new MigrateSummary(context(), outcome, Duration.ofMillis(12)).toString();
	}

	private static MigrateContext context() {
		MigrateProperties properties = new MigrateProperties();
		properties.setMode(MigrateProperties.Mode.APPLY);
		return new MigrateContext(new SimpleDriverDataSource(), properties, () -> null, new DefaultResourceLoader(),
				false);
	}

	private static ChangeSetRef changeSet(String file, String id) {
		return new ChangeSetRef(file, id, "migrate", false, "a change");
	}

}

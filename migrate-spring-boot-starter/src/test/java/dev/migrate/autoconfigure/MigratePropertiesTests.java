package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.runner.RunnerOptions;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults of the {@code migrate.*} properties are the core's defaults, so that an
 * application that sets nothing runs as the core documents, but for
 * {@code migrate.diff.online}, on by default in applications for production safety.
 */
class MigratePropertiesTests {

	private final MigrateProperties properties = new MigrateProperties();

	@Test
	void runnerDefaultsAreTheCoresDefaults() {
		RunnerOptions defaults = RunnerOptions.defaults();
		assertThat(this.properties.getLock().getTimeout()).isEqualTo(defaults.lockTimeout());
		assertThat(this.properties.getLock().getTableTimeout()).isEqualTo(defaults.statementLockTimeout());
		assertThat(this.properties.getLock().getStatementTimeout()).isEqualTo(defaults.statementTimeout());
		assertThat(this.properties.getLock().getRetryFor()).isEqualTo(defaults.retryFor());
		assertThat(this.properties.getDiff().isAllowDestructive()).isEqualTo(defaults.allowDestructive());
	}

	@Test
	void diffDefaultsAreTheCoresDefaults() {
		DiffOptions defaults = DiffOptions.defaults();
		assertThat(this.properties.getDiff().getIncludeTables()).isEqualTo(defaults.includeTables());
		assertThat(this.properties.getDiff().getExcludeTables()).isEqualTo(defaults.excludeTables());
		assertThat(this.properties.getDiff().getBackfills()).isEqualTo(defaults.backfills());
		assertThat(this.properties.getDiff().getRenames()).isEmpty();
		assertThat(this.properties.getDiff().getNotRenames()).isEmpty();
	}

	@Test
	void onlineRecipesAreOnByDefaultUnlikeInTheCore() {
		assertThat(this.properties.getDiff().isOnline()).isTrue();
		assertThat(DiffOptions.defaults().online()).isFalse();
	}

	@Test
	void defaultPropertiesGiveTheCoresDefaultOptionsWithOnlineRecipes() {
		MigrateOptions options = new MigrateContext(new SimpleDriverDataSource(), this.properties, () -> null,
				new DefaultResourceLoader(), false, List.of())
			.options();
		assertThat(options.diff()).isEqualTo(DiffOptions.defaults().withOnline(true));
		assertThat(options.runner()).isEqualTo(RunnerOptions.defaults());
	}

	@Test
	void changelogDefaultsAreTheCoresMasterChangelogLayout() {
		assertThat(this.properties.getChangelog()).isEqualTo(MasterChangelog.DEFAULT_PATH);
		MigrateContext context = new MigrateContext(new SimpleDriverDataSource(), this.properties, () -> null,
				new DefaultResourceLoader(), false);
		assertThat(context.changelog().logicalChangesDirectory()).isEqualTo(MasterChangelog.DEFAULT_CHANGES_DIRECTORY);
	}

}

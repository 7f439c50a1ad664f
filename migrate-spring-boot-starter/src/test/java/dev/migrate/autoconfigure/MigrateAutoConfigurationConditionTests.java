package dev.migrate.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.migrate.core.Migrate;
import liquibase.Liquibase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the auto-configuration applies and backs off: no SQL, so no PostgreSQL
 * ({@code migrate.mode=none}, data sources that are never connected to).
 */
class MigrateAutoConfigurationConditionTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
		.withPropertyValues("migrate.mode=none");

	@Test
	void appliesToADataSourceWithConnectionDetailsFromTheProperties() {
		this.contextRunner.withBean(DataSource.class, SimpleDriverDataSource::new)
			.withPropertyValues("migrate.user=migrator")
			.run((context) -> assertThat(context).hasSingleBean(MigrateInitializer.class)
				.getBean(MigrateConnectionDetails.class)
				.isInstanceOf(PropertiesMigrateConnectionDetails.class)
				.extracting(MigrateConnectionDetails::getUsername)
				.isEqualTo("migrator"));
	}

	@Test
	void backsOffItsConnectionDetailsForTheApplications() {
		MigrateConnectionDetails own = new TestConnectionDetails("jdbc:postgresql://localhost/app", null, null);
		this.contextRunner.withBean(MigrateConnectionDetails.class, () -> own)
			.run((context) -> assertThat(context).hasSingleBean(MigrateInitializer.class)
				.getBean(MigrateConnectionDetails.class)
				.isSameAs(own));
	}

	@Test
	void appliesToSpringBootsJdbcConnectionDetailsWithoutADataSource() {
		this.contextRunner.withBean(JdbcConnectionDetails.class, ConditionJdbcConnectionDetails::new)
			.run((context) -> assertThat(context).hasSingleBean(MigrateInitializer.class));
	}

	@Test
	void appliesToMigrateUrlWithoutADataSource() {
		this.contextRunner.withPropertyValues("migrate.url=jdbc:postgresql://localhost/app")
			.run((context) -> assertThat(context).hasSingleBean(MigrateInitializer.class));
	}

	@Test
	void backsOffWithoutADataSourceOrConnectionDetails() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MigrateInitializer.class)
			.doesNotHaveBean(MigrateConnectionDetails.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withBean(DataSource.class, SimpleDriverDataSource::new)
			.withPropertyValues("migrate.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrateInitializer.class));
	}

	@Test
	void backsOffWithoutLiquibaseOrMigrateCore() {
		this.contextRunner.withBean(DataSource.class, SimpleDriverDataSource::new)
			.withClassLoader(new FilteredClassLoader(Liquibase.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MigrateInitializer.class));
		this.contextRunner.withBean(DataSource.class, SimpleDriverDataSource::new)
			.withClassLoader(new FilteredClassLoader(Migrate.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MigrateInitializer.class));
	}

	@Test
	void appliesEveryCustomizerBean() {
		this.contextRunner.withBean(DataSource.class, SimpleDriverDataSource::new)
			.withBean("online", MigrateCustomizer.class,
					() -> (options) -> options.diff(options.diff().withOnline(true)))
			.withBean("destructive", MigrateCustomizer.class,
					() -> (options) -> options.runner(options.runner().withAllowDestructive(true)))
			.run((context) -> {
				MigrateOptions options = context.getBean(MigrateContext.class).options();
				assertThat(options.diff().online()).isTrue();
				assertThat(options.runner().allowDestructive()).isTrue();
			});
	}

	@Test
	void definesAMigrateBeanThatBacksOffForTheApplications() {
		this.contextRunner.withBean(DataSource.class, SimpleDriverDataSource::new)
			.run((context) -> assertThat(context).hasSingleBean(Migrate.class));
		this.contextRunner.withBean(DataSource.class, SimpleDriverDataSource::new)
			.withBean("ownMigrate", Migrate.class,
					() -> new MigrateContext(new SimpleDriverDataSource(), new MigrateProperties(), () -> null,
							new DefaultResourceLoader(), false)
						.migrate())
			.run((context) -> assertThat(context).hasSingleBean(Migrate.class).hasBean("ownMigrate"));
	}

	@Test
	void runsTheStartupStrategyBeanWithTheMigrateBeanInPlaceOfTheMode() {
		List<Migrate> called = new CopyOnWriteArrayList<>();
		// In apply mode without a changelog, the mode's own run would fail the start.
		this.contextRunner.withBean(DataSource.class, SimpleDriverDataSource::new)
			.withPropertyValues("migrate.mode=apply", "migrate.changelog=db/missing/changelog.yaml")
			.withBean(MigrateStartupStrategy.class, () -> called::add)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(called).containsExactly(context.getBean(Migrate.class));
				assertThat(context.getBean(MigrateInitializer.class).lastRun()).returns(true, MigrateRun::successful);
			});
	}

	@Test
	void runsNoStartupStrategyInModeNone() {
		List<Migrate> called = new CopyOnWriteArrayList<>();
		this.contextRunner.withBean(DataSource.class, SimpleDriverDataSource::new)
			.withBean(MigrateStartupStrategy.class, () -> called::add)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MigrateInitializer.class);
				assertThat(called).isEmpty();
			});
	}

	@Test
	void runsTheModeWithoutAStartupStrategyBean() {
		this.contextRunner.withBean(DataSource.class, SimpleDriverDataSource::new)
			.withPropertyValues("migrate.mode=apply", "migrate.changelog=db/missing/changelog.yaml")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("no master changelog classpath:db/missing/changelog.yaml"));
	}

	static class ConditionJdbcConnectionDetails implements JdbcConnectionDetails {

		@Override
		public String getJdbcUrl() {
			return "jdbc:postgresql://localhost/app";
		}

		@Override
		public String getUsername() {
			return "app";
		}

		@Override
		public String getPassword() {
			return "secret";
		}

	}

}

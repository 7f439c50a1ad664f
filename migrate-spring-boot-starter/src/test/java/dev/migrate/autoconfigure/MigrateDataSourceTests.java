package dev.migrate.autoconfigure;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which database Migrate migrates: a data source marked {@link MigrateDataSource}, the
 * connection details, or the application's own, as Spring Boot's Liquibase support
 * chooses.
 */
@PostgresTest
class MigrateDataSourceTests {

	@TempDir
	Path source;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
		.withBean(EntitySchemaSource.class, () -> () -> NoteSchema.NOTE);

	@Test
	void migratesOnlyTheDataSourceMarkedMigrateDataSource() {
		try (TestDatabase application = TestPostgres.createDatabase();
				TestDatabase migration = TestPostgres.createDatabase()) {
			developing().withBean("applicationDataSource", DataSource.class, application::dataSource)
				.withBean("migrationDataSource", DataSource.class, migration::dataSource,
						(definition) -> ((AbstractBeanDefinition) definition)
							.addQualifier(new AutowireCandidateQualifier(MigrateDataSource.class)))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(hasNote(migration)).isTrue();
					assertThat(hasNote(application)).isFalse();
				});
		}
	}

	@Test
	void failsToStartWithSeveralUnmarkedDataSourcesSayingHowToChoose() {
		this.contextRunner.withPropertyValues("migrate.mode=none")
			.withBean("first", DataSource.class, SimpleDriverDataSource::new)
			.withBean("second", DataSource.class, SimpleDriverDataSource::new)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("2 DataSource beans")
				.hasMessageContaining("@dev.migrate.autoconfigure.MigrateDataSource")
				.hasMessageContaining("migrate.url"));
	}

	@Test
	void migratesThePrimaryOfSeveralDataSources() {
		try (TestDatabase primary = TestPostgres.createDatabase(); TestDatabase other = TestPostgres.createDatabase()) {
			developing().withBean("other", DataSource.class, other::dataSource)
				.withBean("primary", DataSource.class, primary::dataSource, (definition) -> definition.setPrimary(true))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(hasNote(primary)).isTrue();
					assertThat(hasNote(other)).isFalse();
				});
		}
	}

	@Test
	void logsInToTheApplicationsDatabaseAsMigrateUserWithoutMigrateUrl() {
		withMigrator((database, role) -> {
			developing().withBean(DataSource.class, database::dataSource)
				.withPropertyValues("migrate.user=" + role, "migrate.password=secret")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(database.queryForString("SELECT tableowner FROM pg_tables WHERE tablename = 'note'"))
						.isEqualTo(role);
				});
		});
	}

	@Test
	void anApplicationWithSpringDatasourcePropertiesMigratesAsMigrateUser() {
		withMigrator((database, role) -> {
			new PeopleStarts(this.source)
				.builder(dev.migrate.autoconfigure.app.v1.PeopleApplication.class, database, "migrate.mode=auto",
						"migrate.user=" + role, "migrate.password=secret")
				.run()
				.close();
			assertThat(database.queryForString("SELECT tableowner FROM pg_tables WHERE tablename = 'person'"))
				.isEqualTo(role);
		});
	}

	@Test
	void migratesThroughAConnectionDetailsBeanWithoutAUrlProperty() {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			developing()
				.withBean(MigrateConnectionDetails.class,
						() -> new TestConnectionDetails(database.jdbcUrl(), database.user(), database.password()))
				.run((context) -> {
					assertThat(context).hasNotFailed().hasSingleBean(MigrateInitializer.class);
					assertThat(hasNote(database)).isTrue();
				});
		}
	}

	@Test
	void migratesThroughSpringBootsJdbcConnectionDetailsWithoutADataSource() {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			developing().withBean(JdbcConnectionDetails.class, () -> jdbcDetails(database)).run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MigrateInitializer.class);
				assertThat(hasNote(database)).isTrue();
			});
		}
	}

	@Test
	void migratesAnR2dbcApplicationsDatabaseAsMigrateUser() {
		withMigrator((database, role) -> {
			developing().withBean(R2dbcConnectionDetails.class, () -> r2dbcDetails(database.jdbcUrl(), database))
				.withPropertyValues("migrate.user=" + role, "migrate.password=secret")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(database.queryForString("SELECT tableowner FROM pg_tables WHERE tablename = 'note'"))
						.isEqualTo(role);
				});
		});
	}

	@Test
	void migratesThroughAConnectionDetailsBeanInAnR2dbcApplication() {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			// Nothing listens there: the application's R2DBC database is not the one
			// migrated.
			developing()
				.withBean(R2dbcConnectionDetails.class,
						() -> r2dbcDetails("jdbc:postgresql://localhost:1/app", database))
				.withBean(MigrateConnectionDetails.class,
						() -> new TestConnectionDetails(database.jdbcUrl(), database.user(), database.password()))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(hasNote(database)).isTrue();
				});
		}
	}

	@Test
	void migratesAnR2dbcApplicationsDatabaseAsTheUserOfAConnectionDetailsBean() {
		withMigrator((database, role) -> developing()
			.withBean(R2dbcConnectionDetails.class, () -> r2dbcDetails(database.jdbcUrl(), database))
			.withBean(MigrateConnectionDetails.class, () -> new TestConnectionDetails(null, role, "secret"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(database.queryForString("SELECT tableowner FROM pg_tables WHERE tablename = 'note'"))
					.isEqualTo(role);
			}));
	}

	private static R2dbcConnectionDetails r2dbcDetails(String jdbcUrl, TestDatabase login) {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(jdbcUrl.replace("jdbc:", "r2dbc:"));
		return () -> ConnectionFactoryOptions.builder()
			.from(options)
			.option(ConnectionFactoryOptions.USER, login.user())
			.option(ConnectionFactoryOptions.PASSWORD, login.password())
			.build();
	}

	/**
	 * Run with a fresh database and a role, other than the application's, that may create
	 * tables in it.
	 */
	private static void withMigrator(BiConsumer<TestDatabase, String> test) {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			String role = "migrator_" + database.name();
			database.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'secret'");
			database.execute("GRANT ALL ON SCHEMA public TO " + role);
			try {
				test.accept(database, role);
			}
			finally {
				database.execute("DROP OWNED BY " + role);
				database.execute("DROP ROLE " + role);
			}
		}
	}

	private ApplicationContextRunner developing() {
		return this.contextRunner.withPropertyValues("migrate.mode=auto", "migrate.development=true",
				"migrate.source-directory=" + this.source);
	}

	private static boolean hasNote(TestDatabase database) {
		return "t".equals(database.queryForString("SELECT to_regclass('note') IS NOT NULL"));
	}

	private static JdbcConnectionDetails jdbcDetails(TestDatabase database) {
		return new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return database.jdbcUrl();
			}

			@Override
			public String getUsername() {
				return database.user();
			}

			@Override
			public String getPassword() {
				return database.password();
			}

		};
	}

}

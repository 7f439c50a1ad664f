package dev.migrate.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import javax.sql.DataSource;

import dev.migrate.autoconfigure.app.v1.Person;
import dev.migrate.autoconfigure.relational.RelationalSchemaSource;
import dev.migrate.core.Migrate;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import dev.migrate.autoconfigure.app.data.jdbc.v1.PurchaseOrder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest(database = PostgresTest.Scope.METHOD)
class MigrateAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
		.withPropertyValues("migrate.mode=none");

	private TestDatabase database;

	@BeforeEach
	void useDatabase(TestDatabase database) {
		this.database = database;
	}

	@Test
	void migratesTheDatabaseNamedByMigrateUrlWithoutAnApplicationDataSource(@TempDir Path source) {
		this.contextRunner.withBean(EntitySchemaSource.class, () -> () -> NoteSchema.NOTE)
			.withPropertyValues("migrate.mode=auto", "migrate.development=true", "migrate.source-directory=" + source,
					"migrate.url=" + this.database.jdbcUrl(), "migrate.user=" + this.database.user(),
					"migrate.password=" + this.database.password())
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MigrateInitializer.class);
				assertThat(this.database.queryForString("SELECT to_regclass('note') IS NOT NULL")).isEqualTo("t");
			});
	}

	@Test
	void aStartupStrategyBeanWorksOnTheApplicationsDatabaseInPlaceOfTheMode(@TempDir Path source) {
		// Auto mode in a development run would write and apply a revision; this strategy
		// only checks.
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean(EntitySchemaSource.class, () -> () -> NoteSchema.NOTE)
			.withBean(MigrateStartupStrategy.class, () -> Migrate::check)
			.withPropertyValues("migrate.mode=auto", "migrate.development=true", "migrate.source-directory=" + source)
			.run((context) -> {
				assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.isInstanceOf(Migrate.SchemaMismatchException.class)
					.hasMessageContaining("create table public.note");
				assertThat(source).isEmptyDirectory();
				assertThat(this.database.queryForString("SELECT to_regclass('note') IS NULL")).isEqualTo("t");
			});
	}

	@Test
	void appliesCommittedRevisionsButComparesNoEntitiesWithoutHibernate(@TempDir Path source) throws IOException {
		commitNoteRevision(source);
		try (TestDatabase database = TestPostgres.createDatabase()) {
			developing(source, database).withClassLoader(new FilteredClassLoader(HibernateProperties.class))
				.run((context) -> {
					assertThat(context).hasNotFailed()
						.hasSingleBean(MigrateInitializer.class)
						.doesNotHaveBean(EntitySchemaSource.class);
					MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
					assertThat(run.applied()).isEqualTo(1);
					assertThat(run.generated()).as("no revision for the entities it cannot read").isNull();
					assertThat(database.queryForString("SELECT to_regclass('note') IS NOT NULL")).isEqualTo("t");
					assertThat(database.queryForString("SELECT to_regclass('person') IS NULL")).isEqualTo("t");
				});
		}
	}

	/**
	 * The same application with Hibernate: what the class loader filter above removes.
	 */
	@Test
	void comparesTheEntitiesSpringBootFoundWithHibernate(@TempDir Path source) throws IOException {
		commitNoteRevision(source);
		try (TestDatabase database = TestPostgres.createDatabase()) {
			developing(source, database).run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(EntitySchemaSource.class);
				MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
				assertThat(run.generated()).as("a revision for the person entity").isNotNull();
				assertThat(database.queryForString("SELECT to_regclass('note') IS NOT NULL")).isEqualTo("t");
				assertThat(database.queryForString("SELECT to_regclass('person') IS NOT NULL")).isEqualTo("t");
			});
		}
	}

	@Test
	void readsTheSpringDataJdbcAggregatesOfTheApplicationsPackages() {
		springDataJdbc().run((context) -> {
			assertThat(context).hasNotFailed().hasBean("migrateDataJdbcSchemaSource");
			assertThat(context.getBean(MigrateContext.class).desired().schema().tables())
				.extracting((table) -> table.name().name())
				.containsExactly("label", "order_line", "purchase_order");
		});
	}

	@Test
	void backsOffFromSpringDataRelationalWhenItIsNotOnTheClassPath() {
		springDataJdbc().withClassLoader(new FilteredClassLoader(JdbcMappingContext.class)).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(RelationalSchemaSource.class);
			assertThat(context.getBean(MigrateContext.class).desired().hasEntities()).isFalse();
		});
	}

	private ApplicationContextRunner springDataJdbc() {
		return this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean(JdbcMappingContext.class, JdbcMappingContext::new)
			.withInitializer((context) -> AutoConfigurationPackages
				.register((BeanDefinitionRegistry) context.getBeanFactory(), PurchaseOrder.class.getPackageName()));
	}

	/**
	 * A development run in auto mode of an application whose JPA entity (Spring Boot's
	 * {@link PersistenceManagedTypes}) is a person that no revision creates yet.
	 */
	private ApplicationContextRunner developing(Path source, TestDatabase database) {
		return this.contextRunner.withBean(DataSource.class, database::dataSource)
			.withBean(PersistenceManagedTypes.class, () -> PersistenceManagedTypes.of(Person.class.getName()))
			.withPropertyValues("migrate.mode=auto", "migrate.development=true", "migrate.source-directory=" + source);
	}

	/** A committed revision that creates a note table. */
	private static void commitNoteRevision(Path source) throws IOException {
		Path changelog = source.resolve(MasterChangelog.DEFAULT_PATH);
		MasterChangelog.writeIfMissing(changelog, "changes");
		Path changes = source.resolve(MasterChangelog.DEFAULT_CHANGES_DIRECTORY);
		Files.createDirectories(changes);
		Files.writeString(changes.resolve("20260101000000_note.yaml"), """
				databaseChangeLog:
				- changeSet:
				    id: 20260101000000-1
				    author: test
				    changes:
				    - createTable:
				        tableName: note
				        columns:
				        - column:
				            name: id
				            type: bigint
				            constraints:
				              primaryKey: true
				              nullable: false
				""");
	}

	@Test
	void backsOffForAUserDefinedInitializer() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withUserConfiguration(CustomInitializer.class)
			.run((context) -> assertThat(context).getBean(MigrateInitializer.class)
				.isSameAs(context.getBean(CustomInitializer.class).initializer));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomInitializer {

		private final MigrateContext context = new MigrateContext(new org.postgresql.ds.PGSimpleDataSource(),
				properties(), () -> null, new DefaultResourceLoader(getClass().getClassLoader()), false);

		final MigrateInitializer initializer = new MigrateInitializer(this.context,
				new MigrateStatusMonitor(this.context));

		private static MigrateProperties properties() {
			MigrateProperties properties = new MigrateProperties();
			properties.setMode(MigrateProperties.Mode.NONE);
			return properties;
		}

		@Bean
		MigrateInitializer customMigrateInitializer() {
			return this.initializer;
		}

	}

}

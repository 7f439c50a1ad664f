package dev.migrate.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import dev.migrate.core.changelog.ChangelogFormat;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.runner.ChangelogFiles;
import dev.migrate.core.runner.Revision;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.schema.CheckConstraint;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The facade over one database, from a desired schema: generate, apply, report and drop
 * what its revisions created. The whole loop from JPA entities is in migrate-hibernate's
 * {@code dev.migrate.hibernate.MigrateTests}.
 */
@PostgresTest
class MigrateTests {

	@TempDir
	Path resources;

	@Test
	void dropsWhatItsRevisionsCreatedOnceTheEntitiesStopDeclaringItAndKeepsWhatWasWrittenByHand(TestDatabase database)
			throws Exception {
		MasterChangelog.writeIfMissing(this.resources.resolve(MasterChangelog.DEFAULT_PATH), "changes");
		QualifiedName person = new QualifiedName("public", "person");
		List<Column> columns = List.of(new Column("id", ColumnType.of("int8"), false, null, null, null),
				new Column("name", ColumnType.of("text"), true, null, null, null));
		Table declared = new Table(person, columns, new PrimaryKey(null, List.of("id")), List.of(),
				List.of(new Index(null, List.of(new Index.Key("name", false)), false, null)), List.of(),
				List.of(new CheckConstraint(null, "id > 0")), null);
		Table undeclared = new Table(person, columns, new PrimaryKey(null, List.of("id")), List.of(), List.of(),
				List.of(), List.of(), null);
		AtomicReference<Table> entities = new AtomicReference<>(declared);
		Migrate migrate = new Migrate(database.dataSource(),
				() -> new Schema(new TreeSet<>(List.of("public")), List.of(entities.get()), List.of(), List.of()),
				ChangelogFiles.inDirectory(this.resources), MasterChangelog.DEFAULT_PATH, DiffOptions.defaults(),
				RunnerOptions.defaults());
		Path changes = this.resources.resolve(MasterChangelog.DEFAULT_CHANGES_DIRECTORY);
		migrate.generate(changes, MasterChangelog.DEFAULT_CHANGES_DIRECTORY, "person", ChangelogFormat.YAML);
		migrate.runner().upgrade();
		database.execute("CREATE INDEX person_lower_name_idx ON person (lower(name))");
		database.execute("ALTER TABLE person ADD CONSTRAINT person_name_check CHECK (name <> '')");
		entities.set(undeclared);
		SchemaDiff diff = migrate.diff();
		assertThat(diff.changes()).extracting(Change::description)
			.containsExactlyInAnyOrder("drop index person_name_idx on public.person",
					"drop check person_id_check of public.person");
		assertThat(diff.unmapped()).extracting(Change::description)
			.containsExactlyInAnyOrder("drop index person_lower_name_idx on public.person",
					"drop check person_name_check of public.person");
	}

	@Test
	void findsTheDialectOnceAndSharesItWithEveryCommand(TestDatabase database) throws Exception {
		MasterChangelog.writeIfMissing(this.resources.resolve(MasterChangelog.DEFAULT_PATH), "changes");
		AtomicInteger connections = new AtomicInteger();
		DataSource counting = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("getConnection")) {
						connections.incrementAndGet();
					}
					try {
						return method.invoke(database.dataSource(), arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
		Migrate migrate = new Migrate(counting, MigrateTests::basicTypes, ChangelogFiles.inDirectory(this.resources),
				MasterChangelog.DEFAULT_PATH, DiffOptions.defaults(), RunnerOptions.defaults());
		SchemaDiff diff = migrate.diff();
		Dialect dialect = migrate.dialect();
		assertThat(migrate.generate(diff, this.resources.resolve(MasterChangelog.DEFAULT_CHANGES_DIRECTORY),
				MasterChangelog.DEFAULT_CHANGES_DIRECTORY, "basic types", ChangelogFormat.YAML))
			.isPresent();
		assertThat(connections).as("connections: the diff's only").hasValue(1);
		assertThat(dialect.name()).isEqualTo("PostgreSQL");
		assertThat(migrate.runner().status().pending()).hasSize(1);
		assertThat(migrate.dialect()).isSameAs(dialect);
	}

	@Test
	void upgradesDowngradesStampsAndReportsThroughTheFacade(TestDatabase database) throws Exception {
		MasterChangelog.writeIfMissing(this.resources.resolve(MasterChangelog.DEFAULT_PATH), "changes");
		Migrate migrate = new Migrate(database.dataSource(), MigrateTests::basicTypes,
				ChangelogFiles.inDirectory(this.resources), MasterChangelog.DEFAULT_PATH, DiffOptions.defaults(),
				RunnerOptions.defaults());
		String revision = migrate
			.generate(this.resources.resolve(MasterChangelog.DEFAULT_CHANGES_DIRECTORY),
					MasterChangelog.DEFAULT_CHANGES_DIRECTORY, "basic types", ChangelogFormat.YAML)
			.orElseThrow()
			.getFileName()
			.toString();
		assertThat(migrate.status().pending()).extracting(Revision::name).containsExactly(revision);
		assertThat(migrate.sql()).contains("CREATE TABLE");
		assertThat(migrate.upgrade().applied()).isNotEmpty();
		assertThat(migrate.status().current()).isEqualTo(revision);
		assertThat(migrate.history()).isNotEmpty();
		assertThat(migrate.downgrade(1)).isNotEmpty();
		assertThat(migrate.status().current()).isNull();
		assertThat(migrate.upgradeTo(revision).applied()).isNotEmpty();
		assertThat(migrate.downgradeTo("base")).isNotEmpty();
		assertThat(migrate.upgrade(1).applied()).isNotEmpty();
		migrate.check();
		assertThat(migrate.downgrade(1)).isNotEmpty();
		migrate.upgrade();
		database.execute("DELETE FROM databasechangelog");
		assertThat(migrate.stamp()).isNotEmpty();
		assertThat(migrate.status().pending()).isEmpty();
	}

	/**
	 * A table to generate a revision for, named as the entity it was read from before the
	 * reader moved to migrate-hibernate (the class's database is shared: not
	 * {@code person}, which another test creates).
	 */
	private static Schema basicTypes() {
		List<Column> columns = List.of(new Column("id", ColumnType.of("int8"), false, null, null, null),
				new Column("name", ColumnType.of("varchar", 255), true, null, null, null));
		Table table = new Table(new QualifiedName("public", "basic_types"), columns,
				new PrimaryKey(null, List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
		return new Schema(new TreeSet<>(List.of("public")), List.of(table), List.of(), List.of());
	}

}

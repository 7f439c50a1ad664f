package dev.migrate.autoconfigure;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import dev.migrate.autoconfigure.app.v1.PeopleApplication;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Full starts of a JPA application on a real PostgreSQL with
 * {@code spring.jpa.hibernate.ddl-auto=validate}.
 */
@PostgresTest
class MigrateApplicationTests {

	/** The R2DBC driver is on this module's test classpath for the R2DBC tests only. */
	private static final String NO_R2DBC = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration";

	@TempDir
	Path source;

	@Test
	void createsTheSchemaBeforeJpaValidatesItThenGeneratesNothingThenOneRevisionPerChange() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			try (ConfigurableApplicationContext context = start(PeopleApplication.class, database,
					"migrate.mode=auto")) {
				MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
				assertThat(run.successful()).isTrue();
				assertThat(run.generated()).endsWith("_create_person.yaml");
				assertThat(run.applied()).isPositive();
			}
			assertThat(revisions()).hasSize(1);
			assertThat(database.queryForString("SELECT count(*) FROM databasechangelog")).isNotEqualTo("0");
			assertThat(database.queryForString("SELECT to_regclass('person') IS NOT NULL")).isEqualTo("t");
			try (ConfigurableApplicationContext context = start(PeopleApplication.class, database,
					"migrate.mode=auto")) {
				MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
				assertThat(run.generated()).isNull();
				assertThat(run.applied()).isZero();
			}
			assertThat(revisions()).hasSize(1);
			try (ConfigurableApplicationContext context = start(
					dev.migrate.autoconfigure.app.v2.PeopleApplication.class, database, "migrate.mode=auto")) {
				assertThat(context.getBean(MigrateInitializer.class).lastRun().applied()).isPositive();
			}
			assertThat(revisions()).hasSize(2);
			assertThat(database.queryForString(
					"SELECT count(*) FROM information_schema.columns WHERE table_name = 'person' AND column_name = 'bio'"))
				.isEqualTo("1");
		}
	}

	@Test
	void appliesCommittedRevisionsBeforeGeneratingSoThatTheNewRevisionHoldsOnlyWhatIsNew() throws Exception {
		try (TestDatabase teammate = TestPostgres.createDatabase(); TestDatabase mine = TestPostgres.createDatabase()) {
			start(PeopleApplication.class, teammate, "migrate.mode=auto").close();
			try (ConfigurableApplicationContext context = start(
					dev.migrate.autoconfigure.app.v2.PeopleApplication.class, mine, "migrate.mode=auto")) {
				MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
				assertThat(run.successful()).isTrue();
				assertThat(Files.readString(Path.of(run.generated()))).contains("bio").doesNotContain("createTable");
			}
			assertThat(revisions()).hasSize(2);
		}
	}

	@Test
	void holdsBackADestructiveRevisionWithoutWritingItAgainOnTheNextStart() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			start(dev.migrate.autoconfigure.app.v2.PeopleApplication.class, database, "migrate.mode=auto").close();
			database.execute("INSERT INTO person (id, full_name, bio) VALUES (1, 'Ada', 'Analyst')");
			try (ConfigurableApplicationContext context = start(PeopleApplication.class, database,
					"migrate.mode=auto")) {
				assertThat(context.getBean(MigrateInitializer.class).lastRun().generated()).isNotNull();
			}
			try (ConfigurableApplicationContext context = start(PeopleApplication.class, database,
					"migrate.mode=auto")) {
				assertThat(context.getBean(MigrateInitializer.class).lastRun().generated()).isNull();
			}
			assertThat(revisions()).as("one revision for v2, one (held back) for dropping its bio").hasSize(2);
			assertThat(database.queryForString("SELECT bio FROM person WHERE id = 1")).isEqualTo("Analyst");
		}
	}

	@Test
	void appliesCommittedRevisionsFromTheClasspathInApplyMode() throws Exception {
		try (TestDatabase development = TestPostgres.createDatabase();
				TestDatabase production = TestPostgres.createDatabase()) {
			start(PeopleApplication.class, development, "migrate.mode=auto").close();
			try (ConfigurableApplicationContext context = start(PeopleApplication.class, production,
					"migrate.mode=apply", "migrate.source-directory=" + this.source.resolve("missing"))) {
				assertThat(context.getBean(MigrateInitializer.class).lastRun().applied()).isPositive();
			}
			assertThat(production.queryForString("SELECT to_regclass('person') IS NOT NULL")).isEqualTo("t");
		}
	}

	@Test
	void failsToStartInValidateModeListingWhatIsMissing() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			start(PeopleApplication.class, database, "migrate.mode=auto").close();
			assertThatException()
				.isThrownBy(() -> start(dev.migrate.autoconfigure.app.v2.PeopleApplication.class, database,
						"migrate.mode=validate"))
				.havingRootCause()
				.isInstanceOf(MigrateException.class)
				.withMessageContaining("add column public.person.bio");
		}
	}

	@Test
	@Tag(PostgresTest.DEFAULT_MAJOR_ONLY)
	void twoInstancesStartingAtOnceBothStartAndApplyEachChangesetOnce() throws Exception {
		try (TestDatabase development = TestPostgres.createDatabase();
				TestDatabase production = TestPostgres.createDatabase()) {
			start(PeopleApplication.class, development, "migrate.mode=auto").close();
			start(dev.migrate.autoconfigure.app.v2.PeopleApplication.class, development, "migrate.mode=auto").close();
			// Spring Boot's logging system is one per JVM and is not made to be
			// initialized
			// by two applications at once: each instance initializes it in turn, then
			// both
			// refresh (and so migrate) together.
			ReentrantLock loggingInitialization = new ReentrantLock();
			CyclicBarrier refreshTogether = new CyclicBarrier(2);
			ExecutorService executor = Executors.newFixedThreadPool(2);
			List<Future<ConfigurableApplicationContext>> instances = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				instances.add(executor.submit(() -> {
					loggingInitialization.lock();
					return builder(dev.migrate.autoconfigure.app.v2.PeopleApplication.class, production,
							"migrate.mode=apply")
						.initializers((context) -> {
							loggingInitialization.unlock();
							await(refreshTogether);
						})
						.run();
				}));
			}
			int applied = 0;
			for (Future<ConfigurableApplicationContext> instance : instances) {
				try (ConfigurableApplicationContext context = instance.get(2, TimeUnit.MINUTES)) {
					applied += context.getBean(MigrateInitializer.class).lastRun().applied();
				}
			}
			executor.shutdown();
			String changeSets = production.queryForString("SELECT count(*) FROM databasechangelog");
			assertThat(applied).isEqualTo(Integer.parseInt(changeSets)).isPositive();
			assertThat(production.queryForString("SELECT count(DISTINCT (filename, id)) FROM databasechangelog"))
				.isEqualTo(changeSets);
		}
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(1, TimeUnit.MINUTES);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The other instance did not reach its refresh", ex);
		}
	}

	@Test
	void failsToStartInValidateModeListingPendingRevisions() throws Exception {
		try (TestDatabase development = TestPostgres.createDatabase();
				TestDatabase production = TestPostgres.createDatabase()) {
			start(PeopleApplication.class, development, "migrate.mode=auto").close();
			assertThatException().isThrownBy(() -> start(PeopleApplication.class, production, "migrate.mode=validate"))
				.havingRootCause()
				.isInstanceOf(MigrateException.class)
				.withMessageContaining("1 revision(s) are pending")
				.withMessageContaining("_create_person.yaml");
		}
	}

	@Test
	@Tag(PostgresTest.DEFAULT_MAJOR_ONLY)
	void failsWithinTheLoginTimeoutOfASilentServerNamingHostAndDatabaseButNotThePassword() throws Exception {
		// A server that takes the TCP connection but never answers: only a timeout ends
		// the wait (a refused port fails at once and proves nothing about one). Hikari's
		// connection-timeout does not end it: the driver's login timeout does.
		try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50,
				java.net.InetAddress.getLoopbackAddress())) {
			String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/shop";
			long start = System.nanoTime();
			Throwable failure = org.assertj.core.api.Assertions
				.catchThrowable(() -> new SpringApplicationBuilder(PeopleApplication.class).web(WebApplicationType.NONE)
					.properties(NO_R2DBC, "spring.datasource.url=" + url + "?password=s3cret-password",
							"spring.datasource.username=app", "spring.datasource.password=s3cret-password",
							"spring.datasource.hikari.data-source-properties.loginTimeout=2",
							"migrate.source-directory=" + this.source)
					.run());
			java.time.Duration waited = java.time.Duration.ofNanos(System.nanoTime() - start);
			java.io.StringWriter trace = new java.io.StringWriter();
			failure.printStackTrace(new java.io.PrintWriter(trace));
			assertThat(trace.toString()).contains("Migrate cannot connect to the database at " + url + " as user 'app'")
				.contains("Connection attempt timed out")
				.doesNotContain("s3cret-password");
			assertThat(waited).as("ended by the login timeout").isLessThan(java.time.Duration.ofSeconds(30));
		}
	}

	@Test
	void namesTheMissingPrivilegeOfAUserThatCannotCreateTables() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			String role = "reader_" + database.name();
			database.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'reader-secret';"
					+ " REVOKE CREATE ON SCHEMA public FROM PUBLIC; GRANT USAGE ON SCHEMA public TO " + role);
			try {
				Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
						() -> new SpringApplicationBuilder(PeopleApplication.class).web(WebApplicationType.NONE)
							.properties(NO_R2DBC, "spring.datasource.url=" + database.jdbcUrl(),
									"spring.datasource.username=" + role, "spring.datasource.password=reader-secret",
									"migrate.source-directory=" + this.source)
							.run());
				assertThat(failure).hasStackTraceContaining(
						"The database user lacks a privilege the migration needs: CREATE on schema public");
			}
			finally {
				database.execute("DROP OWNED BY " + role + "; DROP ROLE " + role);
			}
		}
	}

	@Test
	void runsACommandBeforeJpaStartsAndExitsWithItsCode() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			start(PeopleApplication.class, database, "migrate.mode=auto").close();
			AtomicInteger exitCode = new AtomicInteger(-1);
			AtomicBoolean jpaStartedBeforeExit = new AtomicBoolean();
			// In production the exit ends the JVM: nothing after it may run. Here it
			// records what had started and stops the start with an exception of its own.
			Throwable failure = catchThrowable(
					() -> builder(PeopleApplication.class, database, "migrate.command=downgrade", "migrate.tag=base")
						.initializers((applicationContext) -> applicationContext.getBeanFactory()
							.registerSingleton("testExit", (MigrateExit) (code) -> {
								exitCode.set(code);
								jpaStartedBeforeExit
									.set(applicationContext.getBeanFactory().containsSingleton("entityManagerFactory"));
								throw new ExitCalled();
							}))
						.run());
			assertThat(failure).as("the start ends at the exit, not at JPA's validation")
				.hasRootCauseInstanceOf(ExitCalled.class);
			assertThat(exitCode).hasValue(0);
			assertThat(jpaStartedBeforeExit).as("the entity manager factory existed when the command exited").isFalse();
			assertThat(database.queryForString("SELECT to_regclass('person') IS NULL")).isEqualTo("t");
		}
	}

	static final class ExitCalled extends RuntimeException {

		ExitCalled() {
			super("MigrateExit called");
		}

	}

	private ConfigurableApplicationContext start(Class<?> application, TestDatabase database, String... properties)
			throws Exception {
		return builder(application, database, properties).run();
	}

	private SpringApplicationBuilder builder(Class<?> application, TestDatabase database, String... properties)
			throws Exception {
		// The revisions written to the source folder are on the classpath too, as after a
		// build.
		URLClassLoader classLoader = new URLClassLoader(new URL[] { this.source.toUri().toURL() },
				getClass().getClassLoader());
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.resourceLoader(new DefaultResourceLoader(classLoader))
			.properties(NO_R2DBC, "spring.datasource.url=" + database.jdbcUrl(),
					"spring.datasource.username=" + database.user(),
					"spring.datasource.password=" + database.password(), "spring.jpa.hibernate.ddl-auto=validate",
					"spring.jpa.open-in-view=false", "migrate.source-directory=" + this.source)
			.properties(properties);
	}

	private List<Path> revisions() throws Exception {
		Path changes = this.source.resolve("db/migrate/changes");
		if (!Files.isDirectory(changes)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(changes)) {
			return files.toList();
		}
	}

}

package dev.migrate.core.evolution;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.schema.Schema;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.migrate.core.evolution.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A revision that must lock a table a long transaction is reading: it waits at most the
 * statement lock timeout at a time, so readers arriving meanwhile are not queued behind
 * it for long, and is retried until the lock is free or the retry time is over.
 */
@PostgresTest
class LockTimeoutTests {

	private static final Schema BEFORE = schema().table("author", (t) -> t.id().column("name", "varchar(50)")).build();

	private static final Schema AFTER = schema()
		.table("author", (t) -> t.id().column("name", "varchar(50)").column("note", "text"))
		.build();

	private final List<String> warnings = new CopyOnWriteArrayList<>();

	private final Handler capture = new Handler() {

		@Override
		public void publish(LogRecord record) {
			LockTimeoutTests.this.warnings.add(record.getMessage());
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	private final ExecutorService executor = Executors.newCachedThreadPool();

	@BeforeEach
	void captureWarnings() {
		Logger.getLogger(MigrationRunner.class.getName()).addHandler(this.capture);
	}

	@AfterEach
	void stopCapturing() {
		Logger.getLogger(MigrationRunner.class.getName()).removeHandler(this.capture);
		this.executor.shutdownNow();
	}

	@Test
	void readersPassWhileTheRevisionWaitsAndItAppliesOnceTheLongTransactionEnds() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase();
				Workspace workspace = pending(database);
				Connection holder = longReader(database)) {
			MigrationRunner runner = workspace.runner(options(Duration.ofMillis(500), Duration.ofSeconds(60)));
			Future<?> upgrade = this.executor.submit(() -> runner.upgrade());
			long slowestRead = 0;
			for (int i = 0; i < 6; i++) {
				// Each read arrives while the ALTER waits for its lock, as the server
				// says.
				awaitServer(database, ALTER_WAITING);
				slowestRead = Math.max(slowestRead, timedRead(database));
			}
			assertThat(upgrade.isDone()).as("still waiting for the long transaction").isFalse();
			holder.commit();
			upgrade.get(30, TimeUnit.SECONDS);
			assertThat(slowestRead).as("ms a reader waited behind the waiting ALTER").isLessThan(1500);
			assertThat(database.queryForString("SELECT count(*) FROM information_schema.columns"
					+ " WHERE table_name = 'author' AND column_name = 'note'"))
				.isEqualTo("1");
			assertThat(database.queryForString("SELECT count(*) FROM author")).isEqualTo("2");
			// The wait that times out as the long transaction commits finds no holder.
			assertThat(this.warnings).allSatisfy((warning) -> assertThat(warning).contains("retrying"))
				.first()
				.asString()
				.contains("pid " + pid(holder))
				.contains("SELECT count(*) FROM author");
		}
	}

	@Test
	void givesUpAfterTheRetryTimeNamingTheBlockingSessionAndAppliesNothing() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase();
				Workspace workspace = pending(database);
				Connection holder = longReader(database)) {
			MigrationRunner runner = workspace.runner(options(Duration.ofMillis(300), Duration.ofSeconds(2)));
			Future<?> upgrade = this.executor.submit(() -> runner.upgrade());
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> upgrade.get(30, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(MigrateException.class)
				.withMessageContaining("pid " + pid(holder))
				.withMessageContaining("idle in transaction")
				.withMessageContaining("gave up after retrying");
			assertThat(runner.status().pending()).hasSize(1);
			assertThat(database.queryForString("SELECT count(*) FROM information_schema.columns"
					+ " WHERE table_name = 'author' AND column_name = 'note'"))
				.isEqualTo("0");
		}
	}

	@Test
	void everyChangesetGetsTheTimeoutsButOneThatSetsItsOwn() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			Files.createDirectories(workspace.changesDirectory());
			Files.writeString(workspace.changesDirectory().resolve("20990101000000_own_timeouts.yaml"),
					sqlChangeSet("own", "SET lock_timeout = '1234ms'; CREATE TABLE own AS SELECT"
							+ " current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS statement"));
			Files.writeString(workspace.changesDirectory().resolve("20990101000001_ours.yaml"),
					sqlChangeSet("ours", "CREATE TABLE ours AS SELECT current_setting('lock_timeout') AS lock,"
							+ " current_setting('statement_timeout') AS statement"));
			workspace.runner(options(Duration.ofSeconds(3), Duration.ofSeconds(10))).upgrade();
			assertThat(database.queryForString("SELECT lock || ' ' || statement FROM own")).isEqualTo("1234ms 0");
			assertThat(database.queryForString("SELECT lock || ' ' || statement FROM ours")).isEqualTo("3s 7min");
		}
	}

	@Test
	void timeoutsTheDatabaseRefusesStopTheChangesetBeforeItRunsSayingWhatToDo() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			workspace.generate(BEFORE, DiffOptions.defaults(), "author");
			workspace.runner().upgrade();
			workspace.generate(AFTER, DiffOptions.defaults(), "note");
			// PostgreSQL takes at most 2147483647 ms (about 24.8 days).
			MigrationRunner runner = workspace
				.runner(RunnerOptions.defaults().withStatementTimeout(Duration.ofDays(30)).withAllowDestructive(true));
			assertThatExceptionOfType(MigrateException.class).isThrownBy(runner::upgrade)
				.withMessageContaining("Cannot set the lock and statement timeouts before")
				.withMessageContaining("invalid value for parameter \"statement_timeout\"")
				.withMessageContaining("The changeset did not run; changesets before it stay applied")
				.withMessageContaining("set migrate.url to a direct connection");
			assertThat(database.queryForString(
					"SELECT count(*) FROM information_schema.columns WHERE table_name = 'author' AND column_name = 'note'"))
				.isEqualTo("0");
			assertThat(runner.status().pending()).hasSize(1);
			assertThat(workspace.runner().upgrade().applied()).isNotEmpty();
		}
	}

	@Test
	void aConcurrentIndexBuildWaitsForAnOlderTransactionPastTheLockTimeoutWithoutBlockingWriters() throws Exception {
		Schema indexed = schema().table("author", (t) -> t.id().column("name", "varchar(50)").index("name")).build();
		try (TestDatabase database = TestPostgres.createDatabase();
				Workspace workspace = new Workspace(database);
				Connection oldSnapshot = database.connect()) {
			workspace.generate(BEFORE, DiffOptions.defaults(), "author");
			workspace.runner().upgrade();
			database.execute("INSERT INTO author (id, name) VALUES (1, 'Ada'), (2, 'Grace')");
			workspace.generate(indexed, DiffOptions.defaults().withOnline(true), "index");
			oldSnapshot.setAutoCommit(false);
			oldSnapshot.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			try (Statement statement = oldSnapshot.createStatement()) {
				statement.execute("SELECT 1");
			}
			MigrationRunner runner = workspace.runner(options(Duration.ofMillis(300), Duration.ofSeconds(1)));
			Future<?> upgrade = this.executor.submit(() -> runner.upgrade());
			// The build has waited for the older transaction longer than the lock timeout
			// and the retries (300 ms, 1 s) together, by the server's clock.
			awaitServer(database, INDEX_BUILD_WAITING_2S);
			assertThat(upgrade.isDone()).as("done before the older transaction ended").isFalse();
			database.execute("SET statement_timeout = 1000; INSERT INTO author (id, name) VALUES (3, 'Edsger')");
			oldSnapshot.commit();
			upgrade.get(30, TimeUnit.SECONDS);
			assertThat(database.queryForString("SELECT string_agg(indexrelid::regclass::text || ' ' || indisvalid, ',')"
					+ " FROM pg_index WHERE indrelid = 'author'::regclass AND NOT indisprimary"))
				.isEqualTo("author_name_idx true");
		}
	}

	@Test
	void theSqlOfAnUpgradeShowsTheTimeoutsEachStatementRunsUnder() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = pending(database)) {
			String sql = workspace.runner(options(Duration.ofSeconds(3), Duration.ofSeconds(10))).sql();
			assertThat(sql).containsSubsequence("SET lock_timeout = '3000ms';", "SET statement_timeout = '420000ms';",
					"ALTER TABLE \"public\".\"author\" ADD \"note\" TEXT;");
			assertThat(database.queryForString("SELECT count(*) FROM information_schema.columns"
					+ " WHERE table_name = 'author' AND column_name = 'note'"))
				.isEqualTo("0");
		}
	}

	/**
	 * Whether a session runs the ALTER of the pending revision and waits for a lock.
	 */
	private static final String ALTER_WAITING = "EXISTS (SELECT FROM pg_stat_activity"
			+ " WHERE query LIKE 'ALTER TABLE %author%' AND wait_event_type = 'Lock' AND pid <> pg_backend_pid())";

	/**
	 * Whether a session has been building an index concurrently, waiting for a lock, for
	 * over 2 s.
	 */
	private static final String INDEX_BUILD_WAITING_2S = "EXISTS (SELECT FROM pg_stat_activity"
			+ " WHERE query LIKE 'CREATE INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'"
			+ " AND clock_timestamp() - query_start > interval '2 s' AND pid <> pg_backend_pid())";

	/**
	 * Poll the server (pg_stat_activity) until a condition holds, for at most 30 s.
	 */
	private static void awaitServer(TestDatabase database, String condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!"t".equals(database.queryForString("SELECT " + condition))) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within 30 s: " + condition);
			}
			Thread.sleep(10);
		}
	}

	private static RunnerOptions options(Duration statementLockTimeout, Duration retryFor) {
		return RunnerOptions.defaults()
			.withStatementLockTimeout(statementLockTimeout)
			.withStatementTimeout(Duration.ofMinutes(7))
			.withRetryFor(retryFor);
	}

	private static Workspace pending(TestDatabase database) {
		Workspace workspace = new Workspace(database);
		workspace.generate(BEFORE, DiffOptions.defaults(), "author");
		workspace.runner().upgrade();
		database.execute("INSERT INTO author (id, name) VALUES (1, 'Ada'), (2, 'Grace')");
		workspace.generate(AFTER, DiffOptions.defaults(), "note");
		return workspace;
	}

	/**
	 * A transaction that has read the table and stays open, holding its ACCESS SHARE
	 * lock, as a report or a stuck request does.
	 */
	private static Connection longReader(TestDatabase database) throws SQLException {
		Connection connection = database.connect();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT count(*) FROM author");
		}
		return connection;
	}

	/**
	 * How long a reader waits, at most 5 s: a reader queued behind an ALTER that waits
	 * without a timeout would otherwise wait as long as the long transaction.
	 */
	private static long timedRead(TestDatabase database) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("SET statement_timeout = 5000");
			long start = System.nanoTime();
			try {
				statement.execute("SELECT count(*) FROM author");
			}
			catch (SQLException ex) {
				// Timed out: it waited the whole 5 s.
			}
			return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		}
	}

	private static int pid(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
			result.next();
			return result.getInt(1);
		}
	}

	private static String sqlChangeSet(String id, String sql) {
		return """
				databaseChangeLog:
				- changeSet:
				    id: %s
				    author: test
				    changes:
				    - sql:
				        sql: "%s"
				""".formatted(id, sql);
	}

}

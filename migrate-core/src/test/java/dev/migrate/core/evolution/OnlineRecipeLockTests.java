package dev.migrate.core.evolution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.schema.ForeignKey.Action;
import dev.migrate.core.schema.Schema;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.migrate.core.evolution.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which lock each statement of a revision takes on the table it changes, seen from a
 * second connection in {@code pg_locks}: a third session holds an ACCESS EXCLUSIVE lock
 * on the table, so that every lock the revision asks for waits and shows there with the
 * statement that asks; after each one is seen, that session lets it through and takes the
 * table again before the next statement. The long part of every online recipe (a
 * validation, a concurrent build) must ask only for SHARE UPDATE EXCLUSIVE, which lets
 * reads and writes go on, where the plain change holds ACCESS EXCLUSIVE (or SHARE) while
 * it scans or builds.
 */
@PostgresTest
class OnlineRecipeLockTests {

	private static final String SEED = "INSERT INTO person (id, name, team_id) VALUES (1, 'Ada', 1), (2, 'Grace', 2)";

	private static final Schema BEFORE = schema().table("team", (t) -> t.id())
		.table("person",
				(t) -> t.id()
					.column("name", "varchar(50)")
					.column("team_id", "bigint")
					.namedIndex("person_lookup", "name"))
		.build();

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	private final ExecutorService locker = Executors.newSingleThreadExecutor();

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
		this.locker.shutdownNow();
	}

	@Test
	void notNullValidatesUnderShareUpdateExclusiveWhereThePlainChangeScansUnderAccessExclusive() throws Exception {
		Schema after = person((t) -> t.id()
			.required("name", "varchar(50)")
			.column("team_id", "bigint")
			.namedIndex("person_lookup", "name"));
		assertThat(locksTaken(after, true)).containsExactly(
				"AccessExclusiveLock: ALTER TABLE public.person DROP CONSTRAINT IF EXISTS person_name_migrate_not_null",
				"AccessExclusiveLock: ALTER TABLE public.person ADD CONSTRAINT person_name_migrate_not_null"
						+ " CHECK (name IS NOT NULL) NOT VALID",
				"ShareUpdateExclusiveLock: ALTER TABLE public.person VALIDATE CONSTRAINT person_name_migrate_not_null",
				"AccessExclusiveLock: ALTER TABLE public.person ALTER COLUMN name SET NOT NULL",
				"AccessExclusiveLock: ALTER TABLE public.person DROP CONSTRAINT IF EXISTS person_name_migrate_not_null");
		assertThat(locksTaken(after, false))
			.containsExactly("AccessExclusiveLock: ALTER TABLE public.person ALTER COLUMN name SET NOT NULL");
	}

	@Test
	void uniqueConstraintBuildsItsIndexUnderShareUpdateExclusive() throws Exception {
		Schema after = person((t) -> t.id()
			.column("name", "varchar(50)")
			.column("team_id", "bigint")
			.namedIndex("person_lookup", "name")
			.unique("name"));
		// The brief ADD CONSTRAINT USING INDEX after the build may run before the table
		// is
		// taken again: whether it shows or not, it is the only strong lock.
		assertThat(locksTaken(after, true)).startsWith(
				"ShareUpdateExclusiveLock: CREATE UNIQUE INDEX CONCURRENTLY person_name_key ON public.person (name)")
			.isSubsetOf(
					"ShareUpdateExclusiveLock: CREATE UNIQUE INDEX CONCURRENTLY person_name_key ON public.person (name)",
					"AccessExclusiveLock: ALTER TABLE public.person ADD CONSTRAINT person_name_key"
							+ " UNIQUE USING INDEX person_name_key");
		assertThat(locksTaken(after, false)).singleElement().asString().startsWith("AccessExclusiveLock: ");
	}

	@Test
	void changedIndexIsBuiltAndDroppedUnderShareUpdateExclusive() throws Exception {
		Schema after = person((t) -> t.id()
			.column("name", "varchar(50)")
			.column("team_id", "bigint")
			.namedIndex("person_lookup", "name", "id"));
		assertThat(locksTaken(after, true)).startsWith(
				"ShareUpdateExclusiveLock: CREATE INDEX CONCURRENTLY person_lookup_migrate_new ON public.person (name, id)")
			.isSubsetOf(
					"ShareUpdateExclusiveLock: CREATE INDEX CONCURRENTLY person_lookup_migrate_new ON public.person (name, id)",
					"ShareUpdateExclusiveLock: DROP INDEX CONCURRENTLY IF EXISTS public.person_lookup");
		assertThat(locksTaken(after, false)).singleElement()
			.asString()
			.startsWith("AccessExclusiveLock: ")
			.contains("person_lookup");
	}

	@Test
	void foreignKeyIsValidatedUnderShareUpdateExclusive() throws Exception {
		Schema after = person((t) -> t.id()
			.column("name", "varchar(50)")
			.column("team_id", "bigint")
			.namedIndex("person_lookup", "name")
			.foreignKey("team_id", "team", "id", Action.NO_ACTION));
		List<String> online = locksTaken(after, true);
		assertThat(online).hasSize(3);
		assertThat(online.get(1)).startsWith("ShareRowExclusiveLock: ").endsWith("NOT VALID");
		assertThat(online.get(2)).startsWith("ShareUpdateExclusiveLock: ").contains("VALIDATE CONSTRAINT");
		assertThat(locksTaken(after, false)).singleElement()
			.asString()
			.startsWith("ShareRowExclusiveLock: ")
			.doesNotContain("NOT VALID");
	}

	@Test
	void checkIsValidatedUnderShareUpdateExclusive() throws Exception {
		Schema after = person((t) -> t.id()
			.column("name", "varchar(50)")
			.column("team_id", "bigint")
			.namedIndex("person_lookup", "name")
			.check("length((name)::text) > 1"));
		List<String> online = locksTaken(after, true);
		assertThat(online).hasSize(3);
		assertThat(online.get(1)).startsWith("AccessExclusiveLock: ").endsWith("NOT VALID");
		assertThat(online.get(2)).startsWith("ShareUpdateExclusiveLock: ").contains("VALIDATE CONSTRAINT");
		assertThat(locksTaken(after, false)).singleElement()
			.asString()
			.startsWith("AccessExclusiveLock: ")
			.doesNotContain("NOT VALID");
	}

	@Test
	void primaryKeyBuildsItsIndexUnderShareUpdateExclusive() throws Exception {
		Schema withoutKey = person((t) -> t.required("id", "bigint")
			.column("name", "varchar(50)")
			.column("team_id", "bigint")
			.namedIndex("person_lookup", "name"));
		List<String> online = locksTaken(withoutKey, BEFORE, true);
		assertThat(online)
			.startsWith("ShareUpdateExclusiveLock: CREATE UNIQUE INDEX CONCURRENTLY person_pkey ON public.person (id)")
			.isSubsetOf("ShareUpdateExclusiveLock: CREATE UNIQUE INDEX CONCURRENTLY person_pkey ON public.person (id)",
					"AccessExclusiveLock: ALTER TABLE public.person ADD CONSTRAINT person_pkey"
							+ " PRIMARY KEY USING INDEX person_pkey");
		assertThat(locksTaken(withoutKey, BEFORE, false)).singleElement()
			.asString()
			.startsWith("AccessExclusiveLock: ")
			.contains("PRIMARY KEY");
	}

	private static Schema person(java.util.function.UnaryOperator<TestSchemas.TableBuilder> definition) {
		return schema().table("team", (t) -> t.id()).table("person", definition).build();
	}

	/**
	 * Apply the revision from {@link #BEFORE} to {@code after} on a populated table and
	 * return, in order, each lock that one of its statements asked for on that table. Two
	 * sessions take turns holding the table: the next one queues its lock behind the
	 * statement that waits before the current one lets go, so that the statement runs and
	 * the next statement of the revision finds the table held again, however the sessions
	 * are scheduled.
	 */
	private List<String> locksTaken(Schema after, boolean online) throws Exception {
		return locksTaken(BEFORE, after, online);
	}

	private List<String> locksTaken(Schema before, Schema after, boolean online) throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase();
				Workspace workspace = new Workspace(database);
				Connection first = database.connect();
				Connection second = database.connect();
				Connection observer = database.connect()) {
			workspace.generate(before, DiffOptions.defaults(), "before");
			workspace.runner().upgrade();
			database.execute("INSERT INTO team (id) VALUES (1), (2); " + SEED);
			workspace.generate(after, DiffOptions.defaults().withOnline(online), "after");
			List<Integer> holders = List.of(pid(first), pid(second));
			Connection holding = first;
			Connection next = second;
			lock(holding);
			Future<?> upgrade = this.executor.submit(
					() -> workspace.runner(RunnerOptions.defaults().withStatementLockTimeout(Duration.ofSeconds(60)))
						.upgrade());
			List<String> locks = new ArrayList<>();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (!upgrade.isDone() && System.nanoTime() < deadline) {
				String waiting = waitingFor(observer, holders);
				if (waiting == null) {
					Thread.sleep(5);
					continue;
				}
				locks.add(waiting);
				if (waiting.contains("CONCURRENTLY")) {
					// A concurrent build or drop waits for every transaction that is
					// open while it runs, a session queued for the table included: let
					// it run alone, then take the table again.
					commit(holding);
					while (!upgrade.isDone() && stillRunning(observer, waiting)) {
						Thread.sleep(5);
					}
					lock(holding);
					continue;
				}
				Connection queued = next;
				Future<?> queuedLock = this.locker.submit(() -> lock(queued));
				while (!queuedBehind(observer, holders.get((queued == first) ? 0 : 1))) {
					Thread.sleep(5);
				}
				commit(holding);
				queuedLock.get(60, TimeUnit.SECONDS);
				next = holding;
				holding = queued;
			}
			commit(holding);
			upgrade.get(10, TimeUnit.SECONDS);
			assertThat(database.queryForString("SELECT count(*) FROM person")).isEqualTo("2");
			return locks;
		}
	}

	private static Void lock(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("BEGIN; LOCK TABLE person IN ACCESS EXCLUSIVE MODE");
		}
		return null;
	}

	private static void commit(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("COMMIT");
		}
	}

	private static String waitingFor(Connection observer, List<Integer> holders) throws SQLException {
		try (PreparedStatement statement = observer.prepareStatement(
				"SELECT l.mode || ': '" + " || regexp_replace(replace(a.query, '\"', ''), '\\s+', ' ', 'g')"
						+ " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted"
						// The two views are read one after the other: the activity must
						// still show the statement waiting, not one that followed it.
						+ " AND a.wait_event_type = 'Lock'"
						+ " AND l.locktype = 'relation' AND l.relation = 'person'::regclass AND l.pid <> ALL (?)")) {
			statement.setArray(1, observer.createArrayOf("int4", holders.toArray()));
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? result.getString(1) : null;
			}
		}
	}

	private static boolean stillRunning(Connection observer, String waiting) throws SQLException {
		String query = waiting.substring(waiting.indexOf(": ") + 2);
		try (PreparedStatement statement = observer.prepareStatement("SELECT count(*) FROM pg_stat_activity"
				+ " WHERE state = 'active' AND regexp_replace(replace(query, '\"', ''), '\\s+', ' ', 'g') = ?")) {
			statement.setString(1, query);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1) > 0;
			}
		}
	}

	private static boolean queuedBehind(Connection observer, int pid) throws SQLException {
		try (PreparedStatement statement = observer.prepareStatement("SELECT count(*) FROM pg_locks WHERE NOT granted"
				+ " AND locktype = 'relation' AND relation = 'person'::regclass AND pid = ?")) {
			statement.setInt(1, pid);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1) > 0;
			}
		}
	}

	private static int pid(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
			result.next();
			return result.getInt(1);
		}
	}

}

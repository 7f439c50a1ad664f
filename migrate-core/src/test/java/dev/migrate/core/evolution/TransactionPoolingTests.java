package dev.migrate.core.evolution;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.runner.ChangelogFiles;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.runner.UpgradeResult;
import dev.migrate.core.schema.Schema;
import dev.migrate.testsupport.PgBouncer;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static dev.migrate.core.evolution.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Many runners through a transaction pooler (PgBouncer, {@code pool_mode=transaction}),
 * whose few server connections each serve every client in turn: each changeset is applied
 * once, and no server connection is left with Migrate's session settings or its lock.
 */
@PostgresTest
class TransactionPoolingTests {

	private static final int POOL_SIZE = 3;

	private static final int RUNNERS = 6;

	@Test
	void runnersThroughAPoolerApplyEachChangesetOnceAndLeaveNothingOnTheServerConnections() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase();
				PgBouncer pooler = PgBouncer.start(database, POOL_SIZE);
				Workspace workspace = new Workspace(database)) {
			int changeSets = revisionsAppliedAndUndone(workspace, database);
			ExecutorService executor = Executors.newFixedThreadPool(RUNNERS);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<UpgradeResult>> results = new ArrayList<>();
			for (int i = 0; i < RUNNERS; i++) {
				MigrationRunner runner = runner(workspace, pooler);
				results.add(executor.submit(() -> {
					start.await();
					return runner.upgrade();
				}));
			}
			start.countDown();
			int applied = 0;
			for (Future<UpgradeResult> result : results) {
				applied += result.get(3, TimeUnit.MINUTES).applied().size();
			}
			executor.shutdown();
			assertThat(applied).as("changesets applied over all runners").isEqualTo(changeSets);
			assertThat(database.queryForString("SELECT count(*) || ' ' || count(DISTINCT id) FROM databasechangelog"))
				.isEqualTo(changeSets + " " + changeSets);
			assertThat(database.queryForString("SELECT string_agg(indexrelid::regclass::text || ' ' || indisvalid, ','"
					+ " ORDER BY 1) FROM pg_index WHERE indrelid = 't0'::regclass AND NOT indisprimary"))
				.isEqualTo("t0_name_idx true");
			assertNothingLeftBehind(database, pooler);
		}
	}

	@Test
	void aPoolerInStatementModeFailsTheUpgradeNamingMigrateUrlAndAppliesNothing() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase();
				PgBouncer pooler = PgBouncer.start(database, POOL_SIZE, "statement");
				Workspace workspace = new Workspace(database)) {
			workspace.generate(tables(1, false), DiffOptions.defaults(), "t0");
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> runner(workspace, pooler).upgrade())
				.withMessageContaining(
						"Cannot migrate through a connection pooler: the connection pooler refuses" + " transactions (")
				.withMessageContaining("Set migrate.url");
			assertThat(database.queryForString("SELECT to_regclass('t0') IS NULL")).isEqualTo("t");
		}
	}

	/**
	 * Revisions that create tables and then index an existing one concurrently (an online
	 * recipe, run outside a transaction), applied directly and undone, so that the
	 * runners apply them all again.
	 */
	private static int revisionsAppliedAndUndone(Workspace workspace, TestDatabase database) {
		for (int i = 0; i < 3; i++) {
			workspace.generate(tables(i + 1, false), DiffOptions.defaults(), "revision " + i);
			workspace.runner().upgrade();
		}
		database.execute("INSERT INTO t0 (id, name) VALUES (1, 'Ada'), (2, 'Grace')");
		Schema indexed = tables(3, true);
		workspace.generate(indexed, DiffOptions.defaults().withOnline(true), "index");
		workspace.runner().upgrade();
		workspace.runner().downgradeTo("base");
		return workspace.runner().status().pending().stream().mapToInt((r) -> r.changeSets().size()).sum();
	}

	private static Schema tables(int count, boolean indexed) {
		TestSchemas.SchemaBuilder schema = schema();
		for (int i = 0; i < count; i++) {
			boolean index = indexed && i == 0;
			schema.table("t" + i,
					(t) -> index ? t.id().column("name", "text").index("name") : t.id().column("name", "text"));
		}
		return schema.build();
	}

	private static MigrationRunner runner(Workspace workspace, PgBouncer pooler) {
		return new MigrationRunner(pooler.dataSource(), MasterChangelog.DEFAULT_PATH,
				ChangelogFiles.inDirectory(workspace.changesDirectory().getParent().getParent().getParent()),
				RunnerOptions.defaults().withAllowDestructive(true));
	}

	/**
	 * No advisory lock on the server, and every server connection of the pool has the
	 * server's defaults.
	 */
	static void assertNothingLeftBehind(TestDatabase database, PgBouncer pooler) throws SQLException {
		assertThat(database.queryForString("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"))
			.as("advisory locks held on the server")
			.isEqualTo("0");
		Set<Integer> serverConnections = pooler.serverConnections();
		assertThat(serverConnections).as("the pooler's server connections").isNotEmpty();
		Map<Integer, String> settings = pooler.settingsOfEachServerConnection("lock_timeout", "statement_timeout",
				"client_connection_check_interval", "idle_in_transaction_session_timeout");
		assertThat(pooler.serverConnectionsNotReached(settings.keySet()))
			.as("server connections not seen through the pooler")
			.isEmpty();
		assertThat(settings)
			.as("lock_timeout statement_timeout client_connection_check_interval"
					+ " idle_in_transaction_session_timeout of each server connection")
			.allSatisfy((pid, values) -> assertThat(values).isEqualTo("0 0 0 0"));
	}

}

package dev.migrate.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.migrate.core.changelog.ChangelogFormat;
import dev.migrate.core.changelog.Revisions;
import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.ConstraintChange;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release whose revision Migrate wrote with the online recipes, deployed as a packaged
 * application while the database takes writes: the index is built concurrently, and no
 * write waits behind it, even while an older transaction keeps the build waiting.
 */
@Tag(PostgresTest.TAG)
class ExampleOnlineRevisionJarTests {

	private static final String INDEX = "posts_title_idx";

	/**
	 * How long an insert may take while the migration runs. A build that is not
	 * concurrent queues behind the open transaction, and every insert after it waits as
	 * long as that transaction stays open ({@link #HELD}).
	 */
	private static final Duration WRITE_LIMIT = Duration.ofMillis(1500);

	private static final Duration HELD = Duration.ofSeconds(4);

	@TempDir
	Path work;

	private TestDatabase database;

	@BeforeEach
	void createEmptyDatabase() {
		this.database = TestPostgres.createDatabase();
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void buildsTheIndexOfAnOnlineRevisionWhileWritesGoOnUnblocked() throws Exception {
		try (ExampleProcess release1 = ExampleProcess.start(ExampleArchives.jar(), this.work, "release-1",
				ExampleProcess.datasource(this.database))) {
			assertThat(release1.isAlive()).isTrue();
		}
		this.database
			.execute("INSERT INTO users (username, email, created_at) VALUES ('ann', 'ann@example.com', now())");
		this.database.execute("INSERT INTO posts (author_id, title, body, status)"
				+ " SELECT u.id, 'post ' || n, 'text', 'DRAFT' FROM users u, generate_series(1, 1000) n");
		Path release2 = ExampleArchives.withClasspathFiles(this.work.resolve("release-2.jar"),
				Map.of("db/migrate/changes/" + onlineRevision().getFileName(), Files.readString(onlineRevision())));

		Writer writer = new Writer();
		Thread writing = new Thread(writer, "writer");
		try (Connection open = this.database.connect()) {
			// An older transaction that wrote to the table: the build must wait for it.
			open.setAutoCommit(false);
			try (Statement statement = open.createStatement()) {
				statement.execute("INSERT INTO posts (author_id, title, body, status)"
						+ " SELECT id, 'open', 'text', 'DRAFT' FROM users");
			}
			writing.start();
			try (ExampleProcess release = ExampleProcess.launch(List.of("-jar", release2.toString()), this.work,
					"release-2", ExampleProcess.datasource(this.database))) {
				awaitQuery("the index build waits for the open transaction",
						"SELECT count(*) > 0 FROM pg_stat_activity WHERE query LIKE '%" + INDEX
								+ "%' AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
						release);
				Thread.sleep(HELD.toMillis());
				open.commit();
				release.awaitReady();
			}
		}
		finally {
			writer.stop();
			writing.join();
		}
		assertThat(writer.failures()).as("failed inserts").isZero();
		assertThat(writer.writes()).as("inserts while the migration ran").isGreaterThan(10);
		assertThat(writer.slowest()).as("the slowest insert while the migration ran").isLessThan(WRITE_LIMIT);
		assertThat(this.database
			.queryForString("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('" + INDEX + "')"))
			.isEqualTo("t");
	}

	/**
	 * The revision as Migrate writes a new index on an existing table with
	 * {@code migrate.online=true}.
	 */
	private Path onlineRevision() throws Exception {
		Path directory = this.work.resolve("revisions");
		try (var files = Files.list(Files.createDirectories(directory))) {
			var written = files.findFirst();
			if (written.isPresent()) {
				return written.get();
			}
		}
		Index index = new Index(INDEX, List.of(new Index.Key("title", false)), false, null);
		SchemaDiff diff = new SchemaDiff(
				List.of(new ConstraintChange.CreateIndex(new QualifiedName("public", "posts"), index, false, true)),
				List.of());
		return new Revisions(Dialects.postgresql()).generated(diff, directory, "changes", "index post titles",
				Instant.now(), ChangelogFormat.YAML);
	}

	private void awaitQuery(String what, String sql, ExampleProcess app) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (!"t".equals(this.database.queryForString(sql))) {
			if (System.nanoTime() > deadline || !app.isAlive()) {
				throw new AssertionError("Timed out waiting until " + what + ":\n" + app.output());
			}
			Thread.sleep(100);
		}
	}

	/**
	 * The application's traffic: one short insert after another, each timed.
	 */
	private final class Writer implements Runnable {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicInteger writes = new AtomicInteger();

		private final AtomicInteger failures = new AtomicInteger();

		private final AtomicLong slowestNanos = new AtomicLong();

		@Override
		public void run() {
			try (Connection connection = ExampleOnlineRevisionJarTests.this.database.connect();
					Statement statement = connection.createStatement()) {
				while (this.running.get()) {
					long start = System.nanoTime();
					try {
						statement.execute("INSERT INTO posts (author_id, title, body, status)"
								+ " SELECT id, 'live', 'text', 'DRAFT' FROM users");
						this.writes.incrementAndGet();
					}
					catch (Exception ex) {
						this.failures.incrementAndGet();
					}
					this.slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
					Thread.sleep(50);
				}
			}
			catch (Exception ex) {
				this.failures.incrementAndGet();
			}
		}

		void stop() {
			this.running.set(false);
		}

		int writes() {
			return this.writes.get();
		}

		int failures() {
			return this.failures.get();
		}

		Duration slowest() {
			return Duration.ofNanos(this.slowestNanos.get());
		}

	}

}

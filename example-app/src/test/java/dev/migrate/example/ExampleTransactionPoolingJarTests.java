package dev.migrate.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrate.testsupport.PgBouncer;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged example deployed behind a transaction pooler (PgBouncer,
 * {@code pool_mode=transaction}, three server connections for every client), as Neon's
 * and Supabase's poolers and many Kubernetes setups put one: four processes started at
 * once against an empty database all become healthy, each changeset is applied once, and
 * no server connection is left with a session setting or a lock.
 */
@Tag(PostgresTest.TAG)
class ExampleTransactionPoolingJarTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path work;

	@Test
	void fourProcessesThroughATransactionPoolerStartApplyEachChangesetOnceAndLeaveNothingOnItsConnections()
			throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); PgBouncer pooler = PgBouncer.start(database, 3)) {
			List<ExampleProcess> apps = new ArrayList<>();
			try {
				for (int i = 0; i < 4; i++) {
					apps.add(ExampleProcess.launch(List.of("-jar", ExampleArchives.jar().toString()), this.work,
							"pooled-" + i, "--spring.datasource.url=" + pooler.jdbcUrl(),
							"--spring.datasource.username=" + database.user(),
							"--spring.datasource.password=" + database.password()));
				}
				int applied = 0;
				for (ExampleProcess app : apps) {
					app.awaitReady();
					assertThat(get(app, "/actuator/health").at("/components/migrate/status").asString())
						.isEqualTo("UP");
					JsonNode report = get(app, "/actuator/migrate");
					assertThat(report.at("/lastRun/successful").asBoolean()).isTrue();
					applied += report.at("/lastRun/applied").asInt();
				}
				assertThat(applied).as("changesets applied, over all instances").isEqualTo(3);
			}
			finally {
				for (ExampleProcess app : apps) {
					app.close();
				}
			}
			assertThat(database.queryForString(
					"SELECT count(*) || ' ' || count(DISTINCT (filename, id, author)) FROM databasechangelog"))
				.isEqualTo("3 3");
			assertThat(database.queryForString("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"))
				.as("advisory locks held on the server")
				.isEqualTo("0");
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

	private JsonNode get(ExampleProcess app, String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		return this.json.readTree(response.body());
	}

}

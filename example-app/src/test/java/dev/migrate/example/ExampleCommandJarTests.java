package dev.migrate.example;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
 * Command mode as a deployment script runs it: {@code java -jar app.jar
 * --migrate.command=...} as a process of its own, whose exit code says what happened (0
 * success, 1 differences found by {@code check}, 2 error).
 */
@Tag(PostgresTest.TAG)
class ExampleCommandJarTests {

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
	void exitsWithTheCodeOfWhatTheCommandFound() throws Exception {
		Result differences = command("check-empty", "check");
		assertThat(differences.code()).as(differences.output()).isEqualTo(1);
		assertThat(differences.output()).contains("change(s) between the database and the entities")
			.contains("create table public.users");

		Result upgrade = command("upgrade", "upgrade");
		assertThat(upgrade.code()).as(upgrade.output()).isZero();
		assertThat(upgrade.output()).contains("Applied 3 changeset(s)");

		Result matches = command("check-upgraded", "check");
		assertThat(matches.code()).as(matches.output()).isZero();
		assertThat(matches.output()).contains("OK: the database matches the entities");

		Result error = command("upgrade-to-missing-tag", "upgrade", "--migrate.tag=nope");
		assertThat(error.code()).as(error.output()).isEqualTo(2);
		assertThat(error.output()).contains("migrate upgrade failed").contains("nope");
	}

	private Result command(String name, String command, String... arguments) throws Exception {
		List<String> all = new ArrayList<>(List.of(ExampleProcess.datasource(this.database)));
		all.add("--migrate.command=" + command);
		all.addAll(List.of(arguments));
		ExampleProcess process = ExampleProcess.launch(List.of("-jar", ExampleArchives.jar().toString()), this.work,
				name, all.toArray(String[]::new));
		int code = process.awaitExit();
		return new Result(code, process.output());
	}

	private record Result(int code, String output) {

	}

}

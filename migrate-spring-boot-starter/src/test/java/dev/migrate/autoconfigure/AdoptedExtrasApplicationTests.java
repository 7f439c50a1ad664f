package dev.migrate.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrate.autoconfigure.MigrateProperties.Command;
import dev.migrate.autoconfigure.endpoint.MigrateEndpoint;
import dev.migrate.autoconfigure.app.shop.ShopApplication;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adopting a database whose schema was written by hand, with more on a mapped table than
 * the entities declare (an index, a unique key, a check) and a sequence that starts
 * elsewhere: Migrate keeps all of it and reports it (summary, endpoint, {@code check}),
 * and drops the extras only where {@code migrate.diff.drop-unmapped} says so.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class AdoptedExtrasApplicationTests {

	private static final String EXTRAS = "SELECT string_agg(conname, ',' ORDER BY conname) FROM ("
			+ "SELECT conname FROM pg_constraint WHERE conrelid = 'customer'::regclass AND contype IN ('u', 'c')"
			+ " UNION ALL SELECT relname FROM pg_class WHERE relname = 'customer_name_idx') extras";

	@TempDir
	Path source;

	@Test
	void keepsAndReportsWhatOnlyTheDatabaseHasAndDropsItOnlyWhenAllowed(CapturedOutput output) throws Exception {
		try (TestDatabase adopted = TestPostgres.createDatabase()) {
			handWritten(adopted);
			String extras = adopted.queryForString(EXTRAS);
			assertThat(extras).contains("customer_name_idx", "customer_name_key", "customer_name_check");
			String fingerprint = AdoptionApplicationTests.fingerprint(adopted);
			try (ConfigurableApplicationContext context = start(adopted, "migrate.mode=auto")) {
				assertThat(context.getBean(MigrateEndpoint.class).report().unmapped()).hasSize(3)
					.anyMatch((change) -> change.startsWith("drop index customer_name_idx"))
					.anyMatch((change) -> change.startsWith("drop unique [name]"))
					.anyMatch((change) -> change.startsWith("drop check"));
				Result check = check(context);
				assertThat(check.code()).as(check.out()).isZero();
				assertThat(check.out()).contains("OK: the database matches the entities")
					.contains("Kept 3 index(es) and constraint(s) that only the database has")
					.contains("drop index customer_name_idx on public.customer");
			}
			assertThat(output.getOut()).contains("no drift, 3 unmapped index(es) or constraint(s) kept");
			assertThat(this.starts().revisions()).singleElement()
				.satisfies((revision) -> assertThat(revision.getFileName().toString()).endsWith("_baseline.yaml"));
			assertThat(AdoptionApplicationTests.fingerprint(adopted)).as("nothing dropped, no sequence reset")
				.isEqualTo(fingerprint);

			start(adopted, "migrate.mode=apply").close();
			assertThat(adopted.queryForString(EXTRAS)).isEqualTo(extras);

			start(adopted, "migrate.mode=auto", "migrate.diff.drop-unmapped=public.cust*").close();
			List<Path> revisions = this.starts().revisions();
			assertThat(revisions).hasSize(2);
			assertThat(Files.readString(revisions.get(1))).contains("customer_name_idx", "customer_name_key",
					"customer_name_check");
			assertThat(adopted.queryForString(EXTRAS)).as("what the entities declare stays")
				.doesNotContain("customer_name");
			assertThat(
					adopted.queryForString("SELECT start_value FROM pg_sequences WHERE sequencename = 'customer_seq'"))
				.isEqualTo("1000");
		}
	}

	/**
	 * The shop's schema as Hibernate creates it, with a hand-written index, unique key
	 * and check on the customer's name, and its sequence started at 1000.
	 */
	private void handWritten(TestDatabase database) {
		starts().builder(ShopApplication.class, database, "spring.jpa.hibernate.ddl-auto=create", "migrate.mode=none")
			.run()
			.close();
		database.execute("CREATE INDEX customer_name_idx ON customer (lower(name))");
		database.execute("ALTER TABLE customer ADD CONSTRAINT customer_name_key UNIQUE (name)");
		database.execute("ALTER TABLE customer ADD CONSTRAINT customer_name_check CHECK (length(name) > 1)");
		database.execute("ALTER SEQUENCE customer_seq START WITH 1000 RESTART WITH 1000");
	}

	private Result check(ConfigurableApplicationContext context) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int code = new MigrateCommand(context.getBean(MigrateContext.class),
				new PrintStream(bytes, true, StandardCharsets.UTF_8), System.err)
			.run(Command.CHECK);
		return new Result(code, bytes.toString(StandardCharsets.UTF_8));
	}

	private ConfigurableApplicationContext start(TestDatabase database, String... properties) {
		String[] all = new String[properties.length + 2];
		System.arraycopy(properties, 0, all, 0, properties.length);
		all[properties.length] = "migrate.development=true";
		all[properties.length + 1] = "management.endpoints.web.exposure.include=migrate";
		return starts().builder(ShopApplication.class, database, all).run();
	}

	private PeopleStarts starts() {
		return new PeopleStarts(this.source);
	}

	private record Result(int code, String out) {

	}

}

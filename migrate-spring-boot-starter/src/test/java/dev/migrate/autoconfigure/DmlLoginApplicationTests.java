package dev.migrate.autoconfigure;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

import dev.migrate.autoconfigure.ApplicationPrivileges.MissingApplicationPrivilegesException;
import dev.migrate.autoconfigure.app.dml.Member;
import dev.migrate.autoconfigure.app.dml.MemberRepository;
import dev.migrate.autoconfigure.app.dml.TeamApplication;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An application whose own login may only read and write rows (no CREATE on the schema,
 * owns nothing) and a second data source, marked {@link MigrateDataSource}, for the
 * schema's owner: Migrate creates and evolves the tables as the owner, JPA validates them
 * and writes rows as the application's login, which needs grants on what the owner
 * creates.
 */
@PostgresTest
class DmlLoginApplicationTests {

	private static final String TABLE_RIGHTS = "SELECT, INSERT, UPDATE, DELETE";

	@TempDir
	Path source;

	@Test
	void startsAndWritesRowsWhenTheOwnersDefaultPrivilegesGrantTheApplicationsLoginItsRights() {
		withLogins((database, logins) -> {
			// As a DBA sets it up once: whatever the owner creates later is usable.
			database.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + logins.owner() + " IN SCHEMA public GRANT "
					+ TABLE_RIGHTS + " ON TABLES TO " + logins.app());
			database.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + logins.owner()
					+ " IN SCHEMA public GRANT USAGE ON SEQUENCES TO " + logins.app());
			for (int start = 1; start <= 2; start++) {
				startAndSave(database, logins, start);
			}
			assertThat(database.queryForString("SELECT tableowner FROM pg_tables WHERE tablename = 'member'"))
				.isEqualTo(logins.owner());
			assertThat(database.queryForString("SELECT count(*) FROM member")).isEqualTo("2");
		});
	}

	@Test
	void failsTheStartNamingTheGrantsWhenTheApplicationsLoginCannotUseWhatTheOwnerCreated() {
		withLogins((database, logins) -> {
			Throwable failure = catchThrowable(() -> start(database, logins).run().close());
			assertThat(failure).hasRootCauseInstanceOf(MissingApplicationPrivilegesException.class);
			String message = rootCause(failure).getMessage();
			assertThat(message).contains("Migrate migrated as " + logins.owner())
				.contains("the application logs in as " + logins.app())
				.contains("GRANT " + TABLE_RIGHTS + " ON public.member TO " + logins.app())
				.contains("GRANT USAGE ON SEQUENCE public.member_seq TO " + logins.app())
				.contains("ALTER DEFAULT PRIVILEGES FOR ROLE " + logins.owner() + " IN SCHEMA public")
				.doesNotContain("databasechangelog");
			assertThat(database.queryForString("SELECT to_regclass('member') IS NOT NULL")).isEqualTo("t");
			// What the user does: run the statements the message gives, then start again.
			List<String> statements = message.lines()
				.map(String::strip)
				.filter((line) -> line.startsWith("GRANT") || line.startsWith("ALTER DEFAULT"))
				.map((line) -> line.replaceAll(";$", ""))
				.toList();
			assertThat(statements).hasSize(4);
			statements.forEach(database::execute);
			startAndSave(database, logins, 1);
		});
	}

	@Test
	void namesOnlyWhatTheApplicationsLoginCannotUseAndStartsWithTheCheckOff() {
		withLogins((database, logins) -> {
			// A table of the owner's own, from before the default privileges.
			database.execute("SET ROLE " + logins.owner() + "; CREATE TABLE owner_notes (id int); RESET ROLE");
			database.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + logins.owner() + " IN SCHEMA public GRANT "
					+ TABLE_RIGHTS + " ON TABLES TO " + logins.app());
			database.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + logins.owner()
					+ " IN SCHEMA public GRANT USAGE ON SEQUENCES TO " + logins.app());
			Throwable failure = catchThrowable(() -> start(database, logins).run().close());
			assertThat(failure).hasRootCauseInstanceOf(MissingApplicationPrivilegesException.class);
			assertThat(rootCause(failure).getMessage())
				.contains("GRANT " + TABLE_RIGHTS + " ON public.owner_notes TO " + logins.app())
				.doesNotContain("public.member ")
				.doesNotContain("member_seq");
			try (ConfigurableApplicationContext context = start(database, logins)
				.properties("migrate.check-application-privileges=false")
				.run()) {
				assertThat(context.getBean(MemberRepository.class).save(new Member("Ada", "ada@example.com")).getId())
					.isNotNull();
			}
		});
	}

	private void startAndSave(TestDatabase database, Logins logins, int start) {
		try (ConfigurableApplicationContext context = start(database, logins).run()) {
			assertThat(context.getBean(MigrateInitializer.class).lastRun().successful()).isTrue();
			MemberRepository members = context.getBean(MemberRepository.class);
			Long id = members.save(new Member("Ada " + start, "ada" + start + "@example.com")).getId();
			assertThat(members.findById(id)).as("start %d", start).isPresent();
		}
	}

	private SpringApplicationBuilder start(TestDatabase database, Logins logins) {
		return new PeopleStarts(this.source).builder(TeamApplication.class, database, "migrate.mode=auto",
				"spring.datasource.username=" + logins.app(), "spring.datasource.password=secret",
				"owner.url=" + database.jdbcUrl(), "owner.username=" + logins.owner(), "owner.password=secret");
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	/**
	 * Run with a fresh database, the schema's owner and an application login that may use
	 * the schema but not create in it (as on PostgreSQL 15 and later by default; on 14,
	 * PUBLIC may create in {@code public} unless revoked).
	 */
	private static void withLogins(BiConsumer<TestDatabase, Logins> test) {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			Logins logins = new Logins("owner_" + database.name(), "app_" + database.name());
			database.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
			database.execute("CREATE ROLE " + logins.owner() + " LOGIN PASSWORD 'secret'");
			database.execute("GRANT ALL ON SCHEMA public TO " + logins.owner());
			database.execute("CREATE ROLE " + logins.app() + " LOGIN PASSWORD 'secret'");
			database.execute("GRANT USAGE ON SCHEMA public TO " + logins.app());
			try {
				test.accept(database, logins);
				assertThat(database
					.queryForString("SELECT has_schema_privilege('" + logins.app() + "', 'public', 'CREATE')::text"))
					.as("the application's login cannot create tables")
					.isEqualTo("false");
			}
			finally {
				database.execute("DROP OWNED BY " + logins.app());
				database.execute("DROP OWNED BY " + logins.owner());
				database.execute("DROP ROLE " + logins.owner());
				database.execute("DROP ROLE " + logins.app());
			}
		}
	}

	record Logins(String owner, String app) {

	}

}

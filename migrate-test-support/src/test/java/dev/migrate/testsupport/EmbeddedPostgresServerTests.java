package dev.migrate.testsupport;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmbeddedPostgresServerTests {

	@Test
	void failsToStartAMajorWithoutBundledBinariesNamingTheMajorAndTheWayOut() {
		assertThatExceptionOfType(PostgresStartupException.class).isThrownBy(() -> EmbeddedPostgresServer.start("9"))
			.withMessageContaining("embedded PostgreSQL 9 failed to start")
			.withMessageContaining("no binaries for PostgreSQL 9")
			.withMessageContaining(TestPostgres.URL_ENV);
	}

	@Test
	void findsTheBinariesOfEveryBundledMajor() throws IOException {
		for (String major : java.util.List.of("14", "15", "16", "17", "18")) {
			try (var binary = new EmbeddedPostgresServer.BundledBinaries(major).getPgBinary("Linux", "x86_64")) {
				assertThat(binary.readNBytes(6)).as("the PostgreSQL %s archive starts as an xz file does", major)
					.containsExactly(0xFD, '7', 'z', 'X', 'Z', 0);
			}
		}
	}

	@Test
	void reportsAnUnreachableExistingServerWithItsAddressAndUser() {
		assertThatExceptionOfType(PostgresStartupException.class)
			.isThrownBy(() -> ExternalPostgres.connect("jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2",
					"someone", "secret"))
			.withMessageContaining("jdbc:postgresql://127.0.0.1:1/nowhere")
			.withMessageContaining("'someone'")
			.withMessageNotContaining("secret");
	}

}

package dev.migrate.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * Starts an embedded PostgreSQL of a given major version from the binaries that this
 * module bundles under {@code postgres-binaries/<major>/}.
 */
final class EmbeddedPostgresServer {

	static final String SUPERUSER = "postgres";

	private EmbeddedPostgresServer() {
	}

	static PostgresServer start(String major) {
		String name = "embedded PostgreSQL " + major;
		BundledBinaries binaries = new BundledBinaries(major);
		EmbeddedPostgres postgres;
		try {
			// Checked first: zonky reports a missing archive as an error in a static
			// initializer.
			binaries.checkAvailable(System.getProperty("os.name"), System.getProperty("os.arch"));
			postgres = EmbeddedPostgres.builder()
				.setPgBinaryResolver(binaries)
				.setPGStartupWait(Duration.ofSeconds(60))
				// Durability is worthless for throw-away test data; speed is not.
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setServerConfig("max_connections", "300")
				.start();
		}
		catch (IOException | RuntimeException ex) {
			throw new PostgresStartupException(name + " failed to start: " + ex.getMessage() + ". Set "
					+ TestPostgres.URL_ENV + " to the JDBC URL of an existing server to use that instead.", ex);
		}
		return new PostgresServer("localhost", postgres.getPort(), "postgres", SUPERUSER, "",
				name + " on port " + postgres.getPort(), postgres);
	}

	/**
	 * Resolves the binaries archive of one major version from the classpath.
	 */
	static final class BundledBinaries implements PgBinaryResolver {

		private final String major;

		BundledBinaries(String major) {
			this.major = major;
		}

		@Override
		public InputStream getPgBinary(String system, String machineHardware) throws IOException {
			String resource = resourceName(system, machineHardware);
			InputStream binary = EmbeddedPostgresServer.class.getClassLoader().getResourceAsStream(resource);
			if (binary == null) {
				throw new IOException("no binaries for PostgreSQL " + this.major + " on " + system + " "
						+ machineHardware + " (looked for " + resource
						+ " on the classpath; the bundled majors are listed in migrate-test-support's pom.xml)");
			}
			return binary;
		}

		void checkAvailable(String osName, String osArch) throws IOException {
			String machineHardware = switch (osArch) {
				case "amd64", "x86_64" -> "x86_64";
				case "aarch64", "arm64" -> "arm_64";
				default -> osArch;
			};
			getPgBinary(osName.split("\\s")[0], machineHardware).close();
		}

		String resourceName(String system, String machineHardware) {
			return "postgres-binaries/" + this.major + "/postgres-" + system.toLowerCase(Locale.ROOT) + "-"
					+ machineHardware + ".txz";
		}

	}

}

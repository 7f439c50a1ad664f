package dev.migrate.testsupport;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL server that integration tests in this JVM share, started on first use.
 * <p>
 * By default an embedded server is started from the binaries bundled with this module;
 * the major version is taken from the {@value #MAJOR_PROPERTY} system property (or the
 * {@value #MAJOR_ENV} environment variable). Setting {@value #URL_ENV} to the JDBC URL of
 * an existing server (with {@value #USER_ENV} and {@value #PASSWORD_ENV}) uses that
 * server instead; the user must be allowed to create databases.
 */
public final class TestPostgres {

	/** System property naming the embedded PostgreSQL major version, e.g. {@code 18}. */
	public static final String MAJOR_PROPERTY = "migrate.test.postgres.major";

	/**
	 * System property with the version of the bundled binaries the build expects for the
	 * requested major, e.g. {@code 15.14.0}; tests compare it with what the server says.
	 */
	public static final String VERSION_PROPERTY = "migrate.test.postgres.version";

	/** Environment variable naming the embedded PostgreSQL major version. */
	public static final String MAJOR_ENV = "MIGRATE_TEST_POSTGRES_MAJOR";

	/** Environment variable with the JDBC URL of an existing server to use instead. */
	public static final String URL_ENV = "MIGRATE_TEST_POSTGRES_URL";

	/** Environment variable with the user for {@link #URL_ENV}. */
	public static final String USER_ENV = "MIGRATE_TEST_POSTGRES_USER";

	/** Environment variable with the password for {@link #URL_ENV}. */
	public static final String PASSWORD_ENV = "MIGRATE_TEST_POSTGRES_PASSWORD";

	static final String DEFAULT_MAJOR = "18";

	private static @Nullable PostgresServer server;

	private static @Nullable RuntimeException startupFailure;

	private TestPostgres() {
	}

	/**
	 * Return the shared server, starting it on first use.
	 * @return the server
	 * @throws PostgresStartupException if the server cannot be started or reached; every
	 * later call fails the same way instead of trying again
	 */
	public static synchronized PostgresServer server() {
		if (startupFailure != null) {
			throw startupFailure;
		}
		if (server == null) {
			try {
				server = start();
			}
			catch (RuntimeException ex) {
				startupFailure = ex;
				throw ex;
			}
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "migrate-test-postgres-shutdown"));
		}
		return server;
	}

	/**
	 * Create a new, empty database on the shared server.
	 * @return the database; closing it drops it
	 */
	public static TestDatabase createDatabase() {
		return server().createDatabase();
	}

	private static PostgresServer start() {
		String url = System.getenv(URL_ENV);
		if (url != null && !url.isBlank()) {
			return ExternalPostgres.connect(url, envOrDefault(USER_ENV, "postgres"), envOrDefault(PASSWORD_ENV, ""));
		}
		return EmbeddedPostgresServer.start(requestedMajor());
	}

	/**
	 * Return the embedded major version asked for by {@value #MAJOR_PROPERTY} or
	 * {@value #MAJOR_ENV}.
	 * @return the major, e.g. {@code 18}
	 */
	public static String requestedMajor() {
		String major = System.getProperty(MAJOR_PROPERTY);
		if (major == null || major.isBlank()) {
			major = envOrDefault(MAJOR_ENV, DEFAULT_MAJOR);
		}
		return major.trim().toLowerCase(Locale.ROOT);
	}

	private static String envOrDefault(String name, String defaultValue) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : defaultValue;
	}

}

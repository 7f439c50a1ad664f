package dev.migrate.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A running PostgreSQL server that hands out fresh databases.
 */
public final class PostgresServer {

	private static final AtomicInteger databaseCounter = new AtomicInteger();

	private final String host;

	private final int port;

	private final String adminDatabase;

	private final String user;

	private final String password;

	private final String description;

	private final @Nullable AutoCloseable process;

	// Unique per JVM so that parallel builds against one existing server do not collide.
	private final String databasePrefix = "migrate_test_" + ProcessHandle.current().pid() + "_";

	private final String version;

	PostgresServer(String host, int port, String adminDatabase, String user, String password, String description,
			@Nullable AutoCloseable process) {
		this.host = host;
		this.port = port;
		this.adminDatabase = adminDatabase;
		this.user = user;
		this.password = password;
		this.process = process;
		this.version = queryVersion();
		this.description = description + ", PostgreSQL " + this.version;
	}

	/**
	 * Return the server's version, as {@code SHOW server_version} gives it.
	 * @return the version, e.g. {@code 18.1}
	 */
	public String version() {
		return this.version;
	}

	/**
	 * Return the server's major version.
	 * @return the major version, e.g. {@code 18}
	 */
	public int majorVersion() {
		return Integer.parseInt(this.version.split("[.\\s]")[0]);
	}

	/**
	 * Return the JDBC URL of a database on this server.
	 * @param database the database name
	 * @return the URL, without credentials
	 */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
	}

	/**
	 * Return whether this server was started for the tests from the bundled binaries, as
	 * opposed to an existing server named by {@link TestPostgres#URL_ENV}.
	 * @return whether it is embedded
	 */
	public boolean isEmbedded() {
		return this.process != null;
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	public String user() {
		return this.user;
	}

	public String password() {
		return this.password;
	}

	/**
	 * Create a new, empty database.
	 * @return the database; closing it drops it
	 */
	public TestDatabase createDatabase() {
		String name = this.databasePrefix + databaseCounter.incrementAndGet();
		executeAsAdmin("CREATE DATABASE " + name);
		return new TestDatabase(this, name);
	}

	void dropDatabase(String name) {
		executeAsAdmin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	Connection connect(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.user);
		properties.setProperty("password", this.password);
		return DriverManager.getConnection(jdbcUrl(database), properties);
	}

	private void executeAsAdmin(String sql) {
		try (Connection connection = connect(this.adminDatabase); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("'" + sql + "' failed on " + this.description + ": " + ex.getMessage(), ex);
		}
	}

	private String queryVersion() {
		try (Connection connection = connect(this.adminDatabase);
				Statement statement = connection.createStatement();
				var resultSet = statement.executeQuery("SHOW server_version")) {
			resultSet.next();
			return resultSet.getString(1);
		}
		catch (SQLException ex) {
			throw new PostgresStartupException("PostgreSQL at " + jdbcUrl(this.adminDatabase) + " as user '" + this.user
					+ "' cannot be reached: " + ex.getMessage(), ex);
		}
	}

	void close() {
		if (this.process != null) {
			try {
				this.process.close();
			}
			catch (Exception ex) {
				// The JVM is exiting; a server that does not stop cleanly is not worth a
				// failure.
			}
		}
	}

	@Override
	public String toString() {
		return this.description;
	}

}

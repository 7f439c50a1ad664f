package dev.migrate.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own for one test class, on the shared {@link PostgresServer}. Closing
 * it drops the database.
 */
public final class TestDatabase implements AutoCloseable {

	private final PostgresServer server;

	private final String name;

	TestDatabase(PostgresServer server, String name) {
		this.server = server;
		this.name = name;
	}

	public String name() {
		return this.name;
	}

	public PostgresServer server() {
		return this.server;
	}

	public String jdbcUrl() {
		return this.server.jdbcUrl(this.name);
	}

	public String user() {
		return this.server.user();
	}

	public String password() {
		return this.server.password();
	}

	/**
	 * Return a new, unpooled {@link DataSource} for this database.
	 * @return the data source
	 */
	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(jdbcUrl());
		dataSource.setUser(user());
		dataSource.setPassword(password());
		return dataSource;
	}

	/**
	 * Open a new connection to this database.
	 * @return the connection, for the caller to close
	 * @throws SQLException if it cannot be opened
	 */
	public Connection connect() throws SQLException {
		return this.server.connect(this.name);
	}

	/**
	 * Execute SQL (one or more statements) on a new connection, in auto-commit mode.
	 * @param sql the SQL
	 */
	public void execute(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("SQL failed on database " + this.name + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Run a query that returns one value and return it as a string.
	 * @param sql the query
	 * @return the first column of the first row, or {@code null}
	 */
	public @Nullable String queryForString(String sql) {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery(sql)) {
			if (!resultSet.next()) {
				throw new IllegalStateException("Query returned no row: " + sql);
			}
			return resultSet.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Query failed on database " + this.name + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		this.server.dropDatabase(this.name);
	}

	@Override
	public String toString() {
		return this.name + " on " + this.server;
	}

}

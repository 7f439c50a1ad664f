package dev.migrate.core.runner;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A data source whose connections resolve unqualified names in one schema (JDBC's
 * {@code setSchema}, on PostgreSQL the {@code search_path}), as Hibernate's
 * schema-per-tenant connections do; closing a connection puts its schema back first, so
 * that a pooled connection goes back to its pool as it came.
 */
final class SchemaDataSource implements DataSource {

	private final DataSource delegate;

	private final String schema;

	SchemaDataSource(DataSource delegate, String schema) {
		this.delegate = delegate;
		this.schema = schema;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return inSchema(this.delegate.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return inSchema(this.delegate.getConnection(username, password));
	}

	private Connection inSchema(Connection connection) throws SQLException {
		String original;
		try {
			original = connection.getSchema();
			connection.setSchema(this.schema);
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
		return (Connection) Proxy.newProxyInstance(SchemaDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && !connection.isClosed()) {
						try {
							if (original != null) {
								connection.setSchema(original);
							}
						}
						catch (SQLException ex) {
							connection.abort(Runnable::run);
						}
					}
					if (method.getName().equals("unwrap") && args[0] == Connection.class) {
						return proxy;
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.delegate.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.delegate.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.delegate.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.delegate.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.delegate.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return this.delegate.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return this.delegate.isWrapperFor(iface);
	}

}

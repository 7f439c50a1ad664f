package dev.migrate.autoconfigure;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

import javax.sql.DataSource;

import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.exception.UnsupportedDatabaseException;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The JDBC data source that Liquibase needs, derived from an R2DBC application's
 * connection options (host, port, database, user, password, SSL), so that R2DBC-only
 * applications need no JDBC property. The options come from Spring Boot's
 * {@code R2dbcConnectionDetails}: {@code spring.r2dbc.*}, or a Testcontainers
 * {@code @ServiceConnection} or Docker Compose service. The password is passed to the
 * data source, never put into the URL, which is what messages show.
 */
final class R2dbcJdbcDataSource {

	/** r2dbc-postgresql's SSL options and the pgJDBC parameters that mean the same. */
	private static final Map<String, String> SSL_FILES = Map.of("sslRootCert", "sslrootcert", "sslCert", "sslcert",
			"sslKey", "sslkey");

	private static final Option<Object> SSL_PASSWORD = Option.valueOf("sslPassword");

	private R2dbcJdbcDataSource() {
	}

	/**
	 * Return the data source to migrate in an application that reaches its database
	 * through R2DBC only: the URL of the {@link MigrateConnectionDetails}
	 * ({@code migrate.url}), else the application's R2DBC database (Spring Boot's
	 * {@code R2dbcConnectionDetails}, e.g. a service connection) through JDBC, logged in
	 * to as the connection details' user when they name one.
	 * @param details Migrate's connection details
	 * @param r2dbc the options of the application's R2DBC connection factory
	 * @return the data source
	 */
	static DataSource forMigration(MigrateConnectionDetails details, ConnectionFactoryOptions r2dbc) {
		String url = details.getJdbcUrl();
		if (url != null) {
			return MigrationDataSource.build(url, details.getUsername(), details.getPassword());
		}
		if (details.getUsername() == null) {
			return from(r2dbc);
		}
		// As on JDBC: another user logs in with the password given for it, or none.
		return from(r2dbc, details.getUsername(), details.getPassword());
	}

	static DataSource from(ConnectionFactoryOptions options) {
		return from(options, string(options, ConnectionFactoryOptions.USER),
				string(options, ConnectionFactoryOptions.PASSWORD));
	}

	private static DataSource from(ConnectionFactoryOptions options, @Nullable String user, @Nullable String password) {
		SimpleDriverDataSource dataSource = DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.url(jdbcUrl(options))
			.username(user)
			.password(password)
			.build();
		String sslPassword = string(options, SSL_PASSWORD);
		if (sslPassword != null) {
			// A secret: a connection property, not a URL parameter.
			Properties properties = new Properties();
			properties.setProperty("sslpassword", sslPassword);
			dataSource.setConnectionProperties(properties);
		}
		return dataSource;
	}

	static String jdbcUrl(ConnectionFactoryOptions options) {
		String driver = string(options, ConnectionFactoryOptions.DRIVER);
		if ("pool".equalsIgnoreCase(driver)) {
			// r2dbc:pool:postgresql://... : r2dbc-pool wraps the driver named as
			// protocol.
			driver = string(options, ConnectionFactoryOptions.PROTOCOL);
		}
		if (driver != null && !driver.toLowerCase(Locale.ROOT).startsWith("postgres")) {
			throw new UnsupportedDatabaseException("Migrate supports PostgreSQL; the R2DBC driver is '" + driver + "'");
		}
		String host = string(options, ConnectionFactoryOptions.HOST);
		Object port = options.getValue(ConnectionFactoryOptions.PORT);
		String database = string(options, ConnectionFactoryOptions.DATABASE);
		StringBuilder url = new StringBuilder("jdbc:postgresql://").append((host != null) ? host : "localhost");
		if (port != null) {
			url.append(':').append(port);
		}
		url.append('/').append((database != null) ? database : "");
		Map<String, String> parameters = parameters(options);
		if (!parameters.isEmpty()) {
			StringJoiner query = new StringJoiner("&", "?", "");
			parameters
				.forEach((name, value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
			url.append(query);
		}
		return url.toString();
	}

	private static Map<String, String> parameters(ConnectionFactoryOptions options) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String sslMode = string(options, Option.valueOf("sslMode"));
		Object ssl = options.getValue(ConnectionFactoryOptions.SSL);
		if (sslMode != null) {
			String mode = sslMode.toLowerCase(Locale.ROOT).replace('_', '-');
			if (mode.equals("tunnel")) {
				throw new MigrateException("The R2DBC SSL mode 'tunnel' has no JDBC equivalent: set "
						+ "migrate.url to connect Migrate to the database");
			}
			parameters.put("sslmode", mode);
		}
		else if (ssl != null && Boolean.parseBoolean(ssl.toString())) {
			parameters.put("sslmode", "require");
		}
		SSL_FILES.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach((option) -> {
			String value = string(options, Option.valueOf(option.getKey()));
			if (value != null) {
				parameters.put(option.getValue(), value);
			}
		});
		return parameters;
	}

	private static @Nullable String string(ConnectionFactoryOptions options, Option<?> option) {
		Object value = options.hasOption(option) ? options.getValue(option) : null;
		return (value != null) ? value.toString() : null;
	}

}

package dev.migrate.autoconfigure;

import java.util.Locale;

import javax.sql.DataSource;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The JDBC data source that Liquibase needs, derived from an R2DBC application's
 * connection options (host, port, database, user, password, SSL), so that R2DBC-only
 * applications need no JDBC property.
 */
final class R2dbcJdbcDataSource {

	private R2dbcJdbcDataSource() {
	}

	static DataSource from(ConnectionFactoryOptions options) {
		return DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.url(jdbcUrl(options))
			.username(string(options, ConnectionFactoryOptions.USER))
			.password(string(options, ConnectionFactoryOptions.PASSWORD))
			.build();
	}

	static String jdbcUrl(ConnectionFactoryOptions options) {
		String driver = string(options, ConnectionFactoryOptions.DRIVER);
		if (driver != null && !driver.toLowerCase(Locale.ROOT).startsWith("postgres")) {
			throw new IllegalStateException("Migrate supports PostgreSQL; the R2DBC driver is '" + driver + "'");
		}
		String host = string(options, ConnectionFactoryOptions.HOST);
		Object port = options.getValue(ConnectionFactoryOptions.PORT);
		String database = string(options, ConnectionFactoryOptions.DATABASE);
		StringBuilder url = new StringBuilder("jdbc:postgresql://").append((host != null) ? host : "localhost");
		if (port != null) {
			url.append(':').append(port);
		}
		url.append('/').append((database != null) ? database : "");
		Object ssl = options.getValue(ConnectionFactoryOptions.SSL);
		String sslMode = string(options, Option.valueOf("sslMode"));
		if (sslMode != null) {
			url.append("?sslmode=").append(sslMode.toLowerCase(Locale.ROOT).replace('_', '-'));
		}
		else if (ssl != null && Boolean.parseBoolean(ssl.toString())) {
			url.append("?sslmode=require");
		}
		return url.toString();
	}

	private static @Nullable String string(ConnectionFactoryOptions options, Option<?> option) {
		Object value = options.getValue(option);
		return (value != null) ? value.toString() : null;
	}

}

package dev.migrate.testsupport;

import java.util.Properties;

import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * An existing PostgreSQL server named by {@link TestPostgres#URL_ENV}.
 */
final class ExternalPostgres {

	private ExternalPostgres() {
	}

	static PostgresServer connect(String url, String user, String password) {
		Properties parsed = Driver.parseURL(url, null);
		if (parsed == null) {
			throw new PostgresStartupException(TestPostgres.URL_ENV
					+ " is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + url);
		}
		String host = PGProperty.PG_HOST.getOrDefault(parsed);
		int port = Integer.parseInt(PGProperty.PG_PORT.getOrDefault(parsed).split(",")[0]);
		String database = PGProperty.PG_DBNAME.getOrDefault(parsed);
		return new PostgresServer(host.split(",")[0], port, (database != null) ? database : "postgres", user, password,
				"existing server from " + TestPostgres.URL_ENV, null);
	}

}

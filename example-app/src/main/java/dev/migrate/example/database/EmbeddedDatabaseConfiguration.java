package dev.migrate.example.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Development only: when no {@code spring.datasource.url} is set, starts an embedded
 * PostgreSQL whose data survives restarts and connects the application to it, so that the
 * example runs on a machine with nothing but a JDK. The server stops with the
 * application.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
class EmbeddedDatabaseConfiguration {

	/** Folder of the embedded server's data; delete it to start afresh. */
	static final String DIRECTORY_PROPERTY = "example.embedded-database.directory";

	/** Port of the embedded server; 0 (the default) picks a free one. */
	static final String PORT_PROPERTY = "example.embedded-database.port";

	private static final Log logger = LogFactory.getLog(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres exampleEmbeddedPostgres(Environment environment) {
		Path directory = Path.of(environment.getProperty(DIRECTORY_PROPERTY,
				Path.of(System.getProperty("java.io.tmpdir"), "migrate-example-app", "postgres").toString()));
		int port = environment.getProperty(PORT_PROPERTY, Integer.class, 0);
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false);
			EmbeddedPostgres postgres = ((port != 0) ? builder.setPort(port) : builder).start();
			logger.warn("No spring.datasource.url is set: started an embedded PostgreSQL for development on port "
					+ postgres.getPort() + " with its data in " + directory
					+ " (delete that folder to start afresh). Set spring.datasource.url to use a server of your own.");
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the example's embedded PostgreSQL in " + directory
					+ "; set spring.datasource.url to use a server of your own", ex);
		}
		catch (IllegalStateException ex) {
			// zonky's words for a data folder another embedded server is using.
			if (String.valueOf(ex.getMessage()).startsWith("could not lock")) {
				throw new IllegalStateException("Another process (the example app, or one of its commands) is"
						+ " running the embedded PostgreSQL in " + directory + "; stop it first, or set "
						+ DIRECTORY_PROPERTY + " to another folder", ex);
			}
			throw ex;
		}
	}

	@Bean
	JdbcConnectionDetails exampleJdbcConnectionDetails(EmbeddedPostgres postgres) {
		return new EmbeddedConnectionDetails("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
	}

	record EmbeddedConnectionDetails(String getJdbcUrl) implements JdbcConnectionDetails {

		@Override
		public String getUsername() {
			return "postgres";
		}

		@Override
		public String getPassword() {
			return "";
		}

	}

	static final class NoDataSourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !context.getEnvironment().containsProperty("spring.datasource.url");
		}

	}

}

package dev.migrate.autoconfigure.app.dml;

import javax.sql.DataSource;

import dev.migrate.autoconfigure.MigrateDataSource;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * An application whose own login may only read and write rows: its primary data source
 * ({@code spring.datasource.*}) serves JPA, and a second one marked
 * {@link MigrateDataSource} ({@code owner.*}) logs in as the owner of the schema, for
 * Migrate.
 */
@SpringBootApplication
public class TeamApplication {

	@Bean
	@Primary
	DataSource dataSource(Environment environment) {
		return dataSource(environment, "spring.datasource");
	}

	@Bean
	@MigrateDataSource
	DataSource ownerDataSource(Environment environment) {
		return dataSource(environment, "owner");
	}

	private static DataSource dataSource(Environment environment, String prefix) {
		return DataSourceBuilder.create()
			.url(environment.getRequiredProperty(prefix + ".url"))
			.username(environment.getRequiredProperty(prefix + ".username"))
			.password(environment.getRequiredProperty(prefix + ".password"))
			.build();
	}

}

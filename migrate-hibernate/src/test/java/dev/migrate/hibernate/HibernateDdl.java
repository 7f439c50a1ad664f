package dev.migrate.hibernate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.migrate.hibernate.fixtures.Fixture;
import dev.migrate.testsupport.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.ValidationMode;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Creates a fixture's schema with Hibernate's own DDL, the independent side of the
 * oracle.
 */
public final class HibernateDdl {

	private static final String VALIDATION_MODE = "jakarta.persistence.validation.mode";

	private HibernateDdl() {
	}

	/**
	 * Create the fixture's schema in the database and return the DDL Hibernate ran.
	 */
	public static String create(Fixture fixture, TestDatabase database) throws IOException {
		Map<String, Object> settings = new LinkedHashMap<>(fixture.settings());
		settings.put(AvailableSettings.DIALECT, PostgreSQLDialect.class.getName());
		settings.put(AvailableSettings.JAKARTA_JDBC_URL, database.jdbcUrl());
		settings.put(AvailableSettings.JAKARTA_JDBC_USER, database.user());
		settings.put(AvailableSettings.JAKARTA_JDBC_PASSWORD, database.password());
		settings.put(AvailableSettings.HBM2DDL_CREATE_NAMESPACES, true);
		Path script = Files.createTempFile("hibernate-ddl", ".sql");
		settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create");
		settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "create");
		settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, script.toString());
		settings.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, true);
		settings.put(AvailableSettings.HBM2DDL_DELIMITER, ";");
		// Through JPA's bootstrap, as Spring Boot starts Hibernate: Bean Validation
		// reaches
		// the DDL there as it does in applications.
		HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration(fixture.name())
			.managedClasses(fixture.entityClasses())
			.properties(settings);
		// A unit's own validation mode wins over its properties; Spring Boot passes its
		// properties as overrides instead, where the property wins.
		Object mode = settings.get(VALIDATION_MODE);
		if (mode != null) {
			configuration.validationMode(ValidationMode.valueOf(mode.toString().toUpperCase(Locale.ROOT)));
		}
		try (EntityManagerFactory factory = configuration.createEntityManagerFactory()) {
			return Files.readString(script);
		}
		finally {
			Files.deleteIfExists(script);
		}
	}

}

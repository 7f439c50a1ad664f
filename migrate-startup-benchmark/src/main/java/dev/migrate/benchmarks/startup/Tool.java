package dev.migrate.benchmarks.startup;

import java.util.List;

/**
 * A way of starting {@link StartupApp}: with no migration tool, with Spring Boot's
 * Liquibase integration, or with Migrate in {@code apply} mode, all on the same changelog
 * and class path.
 */
enum Tool {

	NONE("no tool",
			List.of("--spring.autoconfigure.exclude=" + Tool.MIGRATE_AUTO_CONFIGURATION + ","
					+ Tool.LIQUIBASE_AUTO_CONFIGURATION)),

	LIQUIBASE("Spring Boot's Liquibase",
			List.of("--spring.autoconfigure.exclude=" + Tool.MIGRATE_AUTO_CONFIGURATION,
					"--spring.liquibase.change-log=classpath:" + Revisions.CHANGELOG)),

	MIGRATE("Migrate (apply)", List.of("--spring.autoconfigure.exclude=" + Tool.LIQUIBASE_AUTO_CONFIGURATION,
			"--migrate.mode=apply", "--migrate.changelog=" + Revisions.CHANGELOG));

	private static final String MIGRATE_AUTO_CONFIGURATION = "dev.migrate.autoconfigure.MigrateAutoConfiguration";

	private static final String LIQUIBASE_AUTO_CONFIGURATION = "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration";

	private final String label;

	private final List<String> arguments;

	Tool(String label, List<String> arguments) {
		this.label = label;
		this.arguments = arguments;
	}

	String label() {
		return this.label;
	}

	List<String> arguments() {
		return this.arguments;
	}

}

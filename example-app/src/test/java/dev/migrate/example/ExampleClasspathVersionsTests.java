package dev.migrate.example;

import liquibase.util.LiquibaseUtil;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example's tests run on the Liquibase and Spring Boot versions the build chose
 * ({@code liquibase.version}, {@code spring-boot.version}, or a profile that sets them),
 * so that a combination that silently resolved other versions goes red instead of passing
 * on the default ones.
 */
class ExampleClasspathVersionsTests {

	@Test
	void liquibaseOnTheClasspathIsTheOneTheBuildChose() {
		assertThat(LiquibaseUtil.getBuildVersion()).isEqualTo(expected("migrate.test.liquibase.version"));
	}

	@Test
	void springBootOnTheClasspathIsTheOneTheBuildChose() {
		assertThat(SpringBootVersion.getVersion()).isEqualTo(expected("migrate.test.spring-boot.version"));
	}

	private static String expected(String property) {
		String version = System.getProperty(property);
		assertThat(version).as("system property %s, set by the build", property).isNotBlank();
		return version;
	}

}

package dev.migrate.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import dev.migrate.testsupport.ReadmeApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's public types are the ones the README's "API" section lists, so that a
 * type does not become public (or stop being so) without the documentation saying what it
 * is for.
 */
class PublicApiTests {

	private static final Path README = Path.of("../README.md");

	private static final String STARTER = "dev.migrate.autoconfigure.";

	@Test
	void thePublicTypesAreTheOnesTheReadmeLists() throws IOException {
		Set<String> publicTypes = ReadmeApi.publicTypes(Path.of("target/classes"));
		assertThat(publicTypes).as("public types of the starter").hasSizeGreaterThan(10);
		assertThat(listedInReadme()).as("starter types the README's API section lists").isEqualTo(publicTypes);
	}

	@Test
	void whatOnlyTheStarterUsesIsNotPublic() throws IOException {
		assertThat(listedInReadme()).doesNotContain(STARTER + "MigrateContext", STARTER + "MigrateStatusMonitor",
				STARTER + "MigrateExit");
	}

	private static Set<String> listedInReadme() throws IOException {
		return ReadmeApi.listed(README, "migrate-spring-boot-starter");
	}

}

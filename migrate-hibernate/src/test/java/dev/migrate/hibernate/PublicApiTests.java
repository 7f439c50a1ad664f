package dev.migrate.hibernate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import dev.migrate.testsupport.ReadmeApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public types of the Hibernate reader are the ones the README's "API" section lists
 * for `migrate-hibernate`; everything else is package-private.
 */
class PublicApiTests {

	@Test
	void thePublicTypesAreTheOnesTheReadmeLists() throws IOException {
		Set<String> publicTypes = ReadmeApi.publicTypes(Path.of("target/classes"));
		assertThat(publicTypes).as("public types of migrate-hibernate").isNotEmpty();
		assertThat(ReadmeApi.listed(Path.of("../README.md"), "migrate-hibernate"))
			.as("types the README's API section lists")
			.isEqualTo(publicTypes);
	}

}

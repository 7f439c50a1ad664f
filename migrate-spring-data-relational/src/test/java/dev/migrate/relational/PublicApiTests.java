package dev.migrate.relational;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import dev.migrate.testsupport.ReadmeApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public types of the Spring Data Relational reader are the ones the README's "API"
 * section lists for `migrate-spring-data-relational`; everything else is package-private.
 */
class PublicApiTests {

	@Test
	void thePublicTypesAreTheOnesTheReadmeLists() throws IOException {
		Set<String> publicTypes = ReadmeApi.publicTypes(Path.of("target/classes"));
		assertThat(publicTypes).as("public types of migrate-spring-data-relational").isNotEmpty();
		assertThat(ReadmeApi.listed(Path.of("../README.md"), "migrate-spring-data-relational"))
			.as("types the README's API section lists")
			.isEqualTo(publicTypes);
	}

}

package dev.migrate.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import dev.migrate.testsupport.ReadmeApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core's public types are the ones the README's "API" section lists, so that a type
 * does not become public (or stop being so) without the documentation saying what it is
 * for.
 */
class PublicApiTests {

	private static final Path README = Path.of("../README.md");

	@Test
	void thePublicTypesAreTheOnesTheReadmeLists() throws IOException {
		Set<String> publicTypes = ReadmeApi.publicTypes(Path.of("target/classes"));
		assertThat(publicTypes).as("public types of the core").hasSizeGreaterThan(30);
		assertThat(ReadmeApi.listed(README, "migrate-core")).as("types the README's API section lists")
			.isEqualTo(publicTypes);
	}

}

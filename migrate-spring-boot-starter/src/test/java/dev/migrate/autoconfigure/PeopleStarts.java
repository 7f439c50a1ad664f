package dev.migrate.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.migrate.testsupport.TestDatabase;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Starts of the test JPA applications as a developer's would be: classes from the build,
 * {@code ddl-auto=validate}, revisions written to a source folder that is also on the
 * classpath (as after a build).
 */
final class PeopleStarts {

	/** The R2DBC driver is on this module's test classpath for the R2DBC tests only. */
	static final String NO_R2DBC = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration";

	private final Path source;

	PeopleStarts(Path source) {
		this.source = source;
	}

	SpringApplicationBuilder builder(Class<?> application, TestDatabase database, String... properties) {
		URLClassLoader classLoader;
		try {
			classLoader = new URLClassLoader(new URL[] { this.source.toUri().toURL() }, getClass().getClassLoader());
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.resourceLoader(new DefaultResourceLoader(classLoader))
			.properties(NO_R2DBC, "spring.datasource.url=" + database.jdbcUrl(),
					"spring.datasource.username=" + database.user(),
					"spring.datasource.password=" + database.password(), "spring.jpa.hibernate.ddl-auto=validate",
					"spring.jpa.open-in-view=false", "migrate.source-directory=" + this.source)
			.properties(properties);
	}

	/** The revision files written so far, in name order. */
	List<Path> revisions() {
		Path changes = this.source.resolve("db/migrate/changes");
		if (!Files.isDirectory(changes)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(changes)) {
			return files.sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

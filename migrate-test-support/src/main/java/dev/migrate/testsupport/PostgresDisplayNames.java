package dev.migrate.testsupport;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Display names that say which PostgreSQL a {@link PostgresTest} class ran on, e.g.
 * {@code EvolutionTests on PostgreSQL 15.14}, so that a test report read on its own tells
 * the majors apart. Builds select it with the JUnit configuration parameter
 * {@value DisplayNameGenerator#DEFAULT_GENERATOR_PROPERTY_NAME}.
 * <p>
 * The name comes from the server the tests actually use (started here if need be), not
 * from the major the build asked for: a report must not name a server the tests did not
 * run on.
 */
public class PostgresDisplayNames extends DisplayNameGenerator.Standard {

	@Override
	public String generateDisplayNameForClass(Class<?> testClass) {
		return withServer(testClass, super.generateDisplayNameForClass(testClass));
	}

	@Override
	public String generateDisplayNameForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> nestedClass) {
		return withServer(nestedClass, super.generateDisplayNameForNestedClass(enclosingInstanceTypes, nestedClass));
	}

	@Override
	public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
			Method testMethod) {
		return withServer(testClass, super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod));
	}

	static String withServer(Class<?> testClass, String name) {
		boolean tagged = AnnotationSupport.findRepeatableAnnotations(testClass, Tag.class)
			.stream()
			.anyMatch((tag) -> PostgresTest.TAG.equals(tag.value()));
		if (!tagged) {
			return name;
		}
		return name + " on " + serverName();
	}

	static String serverName() {
		try {
			PostgresServer server = TestPostgres.server();
			return (server.isEmbedded() ? "" : "an existing server, ") + "PostgreSQL " + server.version();
		}
		catch (PostgresStartupException ex) {
			// The tests fail with the reason; the name says only what was asked for.
			return "PostgreSQL " + TestPostgres.requestedMajor() + " (did not start)";
		}
	}

}

package dev.migrate.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs a real PostgreSQL: it gets a fresh {@link TestDatabase}
 * (as a parameter), and carries the {@value #TAG} tag so that builds can run such classes
 * once per PostgreSQL major version.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(PostgresTest.TAG)
@ExtendWith(PostgresExtension.class)
public @interface PostgresTest {

	/** The tag of tests that run against PostgreSQL. */
	String TAG = "postgres";

	/**
	 * The tag of PostgreSQL tests that the build runs on the default major only: what
	 * they prove does not depend on the server's version (e.g. Spring wiring, a second
	 * client) and is proven on every major by other tests.
	 */
	String DEFAULT_MAJOR_ONLY = "default-major-only";

}

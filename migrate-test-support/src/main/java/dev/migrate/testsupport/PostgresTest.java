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
 * once per PostgreSQL major version. By default the methods of a class share one
 * database; with {@code database = Scope.METHOD} each test method gets its own, so that
 * no test depends on what another left behind.
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

	/**
	 * Return which tests share a database.
	 * @return {@link Scope#CLASS} (the default) or {@link Scope#METHOD}
	 */
	Scope database() default Scope.CLASS;

	/**
	 * Which tests share a database.
	 */
	enum Scope {

		/**
		 * One database for the test class: its {@code @BeforeAll} methods, constructor
		 * and test methods get the same one, dropped after the class.
		 */
		CLASS,

		/**
		 * One database per test method, given to it and to its {@code @BeforeEach} and
		 * {@code @AfterEach} methods, dropped after the method.
		 */
		METHOD

	}

}

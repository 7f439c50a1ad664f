package dev.migrate.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives each test class (or, with {@link PostgresTest.Scope#METHOD}, each test method) a
 * fresh database on the shared {@link TestPostgres} server, dropped after the class (or
 * method), and injects it as a {@link TestDatabase} parameter of constructors, lifecycle
 * methods and test methods.
 */
public class PostgresExtension implements BeforeAllCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(PostgresExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		if (scope(context) == PostgresTest.Scope.CLASS) {
			database(context);
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == TestDatabase.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return database(extensionContext);
	}

	private TestDatabase database(ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		if (scope(context) == PostgresTest.Scope.METHOD) {
			if (context.getTestMethod().isEmpty()) {
				throw new ParameterResolutionException(testClass.getName() + " has a database per test method"
						+ " (@PostgresTest(database = METHOD)): only test methods and their @BeforeEach and"
						+ " @AfterEach methods can take a TestDatabase");
			}
			// Stored on the method's context, so that it is dropped when the method is
			// done.
			return context.getStore(NAMESPACE)
				.computeIfAbsent(context.getRequiredTestMethod(), (key) -> TestPostgres.createDatabase(),
						TestDatabase.class);
		}
		// Stored on the class's context, so that it is dropped when the class is done.
		ExtensionContext classContext = classContext(context);
		return classContext.getStore(NAMESPACE)
			.computeIfAbsent(testClass, (key) -> TestPostgres.createDatabase(), TestDatabase.class);
	}

	private static PostgresTest.Scope scope(ExtensionContext context) {
		for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
			PostgresTest annotation = AnnotationSupport.findAnnotation(type, PostgresTest.class).orElse(null);
			if (annotation != null) {
				return annotation.database();
			}
		}
		return PostgresTest.Scope.CLASS;
	}

	private ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

}

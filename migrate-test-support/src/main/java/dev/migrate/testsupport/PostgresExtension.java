package dev.migrate.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class a fresh database on the shared {@link TestPostgres} server,
 * dropped after the class, and injects it as a {@link TestDatabase} parameter of
 * constructors, lifecycle methods and test methods.
 */
public class PostgresExtension implements BeforeAllCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(PostgresExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		database(context);
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
		// Stored on the class's context, so that it is dropped when the class is done.
		ExtensionContext classContext = classContext(context);
		return classContext.getStore(NAMESPACE)
			.computeIfAbsent(testClass, (key) -> TestPostgres.createDatabase(), TestDatabase.class);
	}

	private ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

}

package dev.migrate.hibernate;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader speaks to PostgreSQL only through the core's {@code Dialect}: nothing in it
 * refers to {@code dev.migrate.core.dialect.postgresql}.
 */
class DialectBoundaryTests {

	@Test
	void nothingInTheReaderRefersToThePostgresqlPackage() {
		JavaClasses reader = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.migrate.hibernate");
		EvaluationResult result = noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("dev.migrate.core.dialect.postgresql..")
			.evaluate(reader);
		assertThat(reader.containPackage("dev.migrate.hibernate")).as("the classes the rule checks").isTrue();
		assertThat(result.getFailureReport().getDetails()).as("dependencies on the PostgreSQL dialect").isEmpty();
	}

}

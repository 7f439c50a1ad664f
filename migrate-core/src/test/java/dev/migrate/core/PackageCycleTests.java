package dev.migrate.core;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages of the core depend on each other in one direction only, so that each can
 * be read, tested and replaced without the others that sit above it.
 */
class PackageCycleTests {

	@Test
	void packagesAreFreeOfCycles() {
		JavaClasses core = new ClassFileImporter().importPath(Path.of("target/classes"));
		ArchRule rule = slices().matching("dev.migrate.(**)").should().beFreeOfCycles();
		EvaluationResult result = rule.evaluate(core);
		assertThat(core.containPackage("dev.migrate.core.dialect.postgresql")).as("the classes the rule checks")
			.isTrue();
		assertThat(result.getFailureReport().getDetails()).as("package cycles").isEmpty();
	}

}

package dev.migrate.autoconfigure;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's packages depend on each other in one direction only: the actuator side
 * ({@code endpoint}, {@code health}, {@code metrics}) and the Spring Data side
 * ({@code relational}) read the root package, which knows none of them, as the core's
 * packages do among themselves.
 */
class PackageCycleTests {

	@Test
	void packagesAreFreeOfCycles() {
		JavaClasses starter = new ClassFileImporter().importPath(Path.of("target/classes"));
		ArchRule rule = slices().matching("dev.migrate.(**)").should().beFreeOfCycles();
		EvaluationResult result = rule.evaluate(starter);
		assertThat(starter.containPackage("dev.migrate.autoconfigure.endpoint")).as("the classes the rule checks")
			.isTrue();
		assertThat(result.getFailureReport().getDetails()).as("package cycles").isEmpty();
	}

}

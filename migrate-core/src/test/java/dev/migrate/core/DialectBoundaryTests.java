package dev.migrate.core;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.migrate.core.dialect.Dialects;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL lives in one package: nothing else refers to it ({@link Dialects} finds it
 * with {@link java.util.ServiceLoader}), and the database-neutral packages hold none of
 * its SQL, so that another database is one more package beside it.
 */
class DialectBoundaryTests {

	private static final String POSTGRESQL = "dev.migrate.core.dialect.postgresql";

	/** Packages that speak to the database only through the dialect. */
	private static final List<String> NEUTRAL = List.of("diff", "changelog", "runner", "schema");

	/**
	 * SQL that only PostgreSQL speaks, or that only its dialect should know (the names it
	 * gives unnamed constraints included).
	 */
	private static final List<String> POSTGRESQL_ONLY = List.of("pg_", "lock_timeout", "statement_timeout",
			"CONCURRENTLY", "NOT VALID", "VALIDATE CONSTRAINT", "USING INDEX", "RAISE EXCEPTION", "to_regclass",
			"obj_description", "current_schema", "client_connection_check_interval", "42501", "55P03", "::text",
			"_pkey", "_fkey", "_migrate_not_null");

	private static final Path CLASSES = Path.of("target/classes/dev/migrate/core");

	@Test
	void nothingOutsideThePostgresqlPackageRefersToIt() {
		JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.migrate");
		ArchRule rule = noClasses().that()
			.resideOutsideOfPackage(POSTGRESQL + "..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(POSTGRESQL + "..");
		EvaluationResult result = rule.evaluate(core);
		assertThat(core.containPackage("dev.migrate.core.runner")).as("the classes the rule checks").isTrue();
		assertThat(result.getFailureReport().getDetails()).as("dependencies on %s", POSTGRESQL).isEmpty();
	}

	@Test
	void theNeutralPackagesHoldNoPostgresqlSql() throws IOException {
		Map<String, List<String>> found = new TreeMap<>();
		int strings = 0;
		for (Path file : neutralClassFiles()) {
			List<String> constants = stringConstants(file);
			strings += constants.size();
			for (String constant : constants) {
				POSTGRESQL_ONLY.stream()
					.filter(constant::contains)
					.forEach((sql) -> found
						.computeIfAbsent(CLASSES.relativize(file).toString(), (key) -> new ArrayList<>())
						.add(sql + " in \"" + constant + "\""));
			}
		}
		assertThat(strings).as("string constants read").isGreaterThan(100);
		assertThat(found).as("PostgreSQL SQL outside %s", POSTGRESQL).isEmpty();
	}

	@Test
	void theStringRuleReadsWhatTheDialectWrites() throws IOException {
		List<String> constants = new ArrayList<>();
		for (Path file : classFiles(CLASSES.resolve("dialect/postgresql"))) {
			constants.addAll(stringConstants(file));
		}
		assertThat(POSTGRESQL_ONLY).allSatisfy((sql) -> assertThat(constants).anyMatch((c) -> c.contains(sql)));
	}

	/**
	 * The class files of the neutral packages and of the commands above them
	 * ({@code Migrate}, {@code Baseline}, {@code Squash}).
	 */
	private static List<Path> neutralClassFiles() throws IOException {
		List<Path> files = new ArrayList<>(classFiles(CLASSES, 1));
		for (String name : NEUTRAL) {
			files.addAll(classFiles(CLASSES.resolve(name), Integer.MAX_VALUE));
		}
		return files;
	}

	private static List<Path> classFiles(Path directory) throws IOException {
		return classFiles(directory, Integer.MAX_VALUE);
	}

	private static List<Path> classFiles(Path directory, int depth) throws IOException {
		assertThat(directory).isDirectory();
		try (Stream<Path> files = Files.walk(directory, depth)) {
			return files.filter((file) -> file.toString().endsWith(".class")).sorted().toList();
		}
	}

	/**
	 * Return the string literals of a class file, read from its constant pool, including
	 * the recipes of string concatenations.
	 */
	private static List<String> stringConstants(Path classFile) throws IOException {
		try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
			data.skipNBytes(8);
			int count = data.readUnsignedShort();
			String[] utf8 = new String[count];
			List<Integer> strings = new ArrayList<>();
			for (int i = 1; i < count; i++) {
				int tag = data.readUnsignedByte();
				switch (tag) {
					case 1 -> utf8[i] = data.readUTF();
					case 8 -> strings.add(data.readUnsignedShort());
					case 7, 16, 19, 20 -> data.skipNBytes(2);
					case 15 -> data.skipNBytes(3);
					case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipNBytes(4);
					case 5, 6 -> {
						data.skipNBytes(8);
						i++;
					}
					default -> throw new IOException("Unknown constant pool tag " + tag + " in " + classFile);
				}
			}
			return strings.stream().map((index) -> utf8[index]).toList();
		}
	}

}

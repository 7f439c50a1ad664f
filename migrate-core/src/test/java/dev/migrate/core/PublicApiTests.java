package dev.migrate.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core's public types are the ones the README's "API" section lists, so that a type
 * does not become public (or stop being so) without the documentation saying what it is
 * for.
 */
class PublicApiTests {

	private static final Path README = Path.of("../README.md");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	@Test
	void thePublicTypesAreTheOnesTheReadmeLists() throws IOException {
		JavaClasses core = new ClassFileImporter().importPath(Path.of("target/classes"));
		Set<String> publicTypes = core.stream()
			.filter((type) -> type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC))
			.map(JavaClass::getName)
			.filter((name) -> !name.endsWith(".package-info"))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(publicTypes).as("public types of the core").hasSizeGreaterThan(30);
		assertThat(listedInReadme()).as("types the README's API section lists").isEqualTo(publicTypes);
	}

	/**
	 * Return the types named in the first column of the API table: a fully qualified name
	 * gives the package of the simple names after it in the same cell; a
	 * {@code package.*} is followed by its types in parentheses.
	 */
	private static Set<String> listedInReadme() throws IOException {
		String readme = Files.readString(README);
		int start = readme.indexOf("\n## API\n");
		assertThat(start).as("the README's API section").isPositive();
		int end = readme.indexOf("\n## ", start + 1);
		Set<String> listed = new TreeSet<>();
		for (String line : readme.substring(start, end).split("\n")) {
			if (!line.startsWith("| `")) {
				continue;
			}
			String cell = line.substring(1, line.indexOf(" |", 1));
			String pkg = null;
			Matcher code = CODE.matcher(cell);
			while (code.find()) {
				String name = code.group(1);
				if (name.startsWith("dev.migrate.")) {
					pkg = name.substring(0, name.lastIndexOf('.'));
					if (!name.endsWith(".*")) {
						listed.add(name);
					}
				}
				else if (pkg != null && !name.contains(".")) {
					listed.add(pkg + "." + name);
				}
			}
		}
		// The starter's types are listed there too, and checked by its own test.
		listed.removeIf((name) -> name.startsWith("dev.migrate.autoconfigure."));
		return listed;
	}

}

package dev.migrate.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's public types are the ones the README's "API" section lists, so that a
 * type does not become public (or stop being so) without the documentation saying what it
 * is for.
 */
class PublicApiTests {

	private static final Path README = Path.of("../README.md");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private static final String STARTER = "dev.migrate.autoconfigure.";

	@Test
	void thePublicTypesAreTheOnesTheReadmeLists() throws IOException {
		Set<String> publicTypes = new ClassFileImporter().importPath(Path.of("target/classes"))
			.stream()
			.filter((type) -> type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC))
			.map(JavaClass::getName)
			.filter((name) -> !name.endsWith(".package-info"))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(publicTypes).as("public types of the starter").hasSizeGreaterThan(10);
		assertThat(listedInReadme()).as("starter types the README's API section lists").isEqualTo(publicTypes);
	}

	@Test
	void whatOnlyTheStarterUsesIsNotPublic() throws IOException {
		assertThat(listedInReadme()).doesNotContain(STARTER + "MigrateContext", STARTER + "MigrateStatusMonitor",
				STARTER + "MigrateExit");
	}

	/**
	 * Return the starter's types named in the first column of the API tables: a fully
	 * qualified name gives the package of the simple names after it in the same cell.
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
					listed.add(name);
				}
				else if (pkg != null && !name.contains(".")) {
					listed.add(pkg + "." + name);
				}
			}
		}
		listed.removeIf((name) -> !name.startsWith(STARTER));
		return listed;
	}

}

package dev.migrate.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata the build writes for IDEs (from {@link MigrateProperties}
 * and its Javadoc, by the configuration processor), and the README's list of properties.
 */
class ConfigurationMetadataTests {

	@Test
	void theBuildWritesEveryMigratePropertyWithItsDescription() throws Exception {
		Map<String, String> descriptions = descriptions();
		assertThat(descriptions).containsEntry("migrate.mode", "What Migrate does at startup.")
			.hasEntrySatisfying("migrate.diff.renames",
					(description) -> assertThat(description).startsWith("Renames to make instead of a drop and an add"))
			.hasEntrySatisfying("migrate.diff.not-renames",
					(description) -> assertThat(description).startsWith("Drop and add pairs that look like renames"))
			.hasEntrySatisfying("migrate.diff.backfills",
					(description) -> assertThat(description).startsWith("Values for the existing rows of a column"))
			.containsEntry("migrate.tenants.parallelism",
					"How many tenant schemas are migrated at once (each on its own connection).");
		assertThat(descriptions).allSatisfy((name, description) -> assertThat(description).as(name).isNotBlank());
	}

	@Test
	void theReadmeListsEveryPropertyAndNoOther() throws Exception {
		String readme = Files.readString(Path.of("..", "README.md"));
		Set<String> listed = new TreeSet<>();
		Matcher row = Pattern.compile("(?m)^\\| (`migrate\\.[^|]*)\\|").matcher(readme);
		while (row.find()) {
			Matcher name = Pattern.compile("`(migrate\\.[a-z0-9.-]+)`").matcher(row.group(1));
			while (name.find()) {
				listed.add(name.group(1));
			}
		}
		assertThat(listed).containsExactlyInAnyOrderElementsOf(
				descriptions().keySet().stream().filter((name) -> name.startsWith("migrate.")).toList());
	}

	@Test
	void theKeysBeforeTheLockAndDiffGroupsAreDeprecatedInFavorOfTheirReplacement() throws Exception {
		Map<String, String> deprecations = deprecations();
		assertThat(deprecations).containsEntry("migrate.lock-timeout", "migrate.lock.timeout")
			.containsEntry("migrate.statement-lock-timeout", "migrate.lock.table-timeout")
			.containsEntry("migrate.statement-timeout", "migrate.lock.statement-timeout")
			.containsEntry("migrate.lock-retry-for", "migrate.lock.retry-for")
			.containsEntry("migrate.allow-destructive", "migrate.diff.allow-destructive")
			.containsEntry("migrate.online", "migrate.diff.online")
			.containsEntry("migrate.renames", "migrate.diff.renames")
			.containsEntry("migrate.not-renames", "migrate.diff.not-renames")
			.containsEntry("migrate.backfills", "migrate.diff.backfills")
			.containsEntry("migrate.include-tables", "migrate.diff.include-tables")
			.containsEntry("migrate.exclude-tables", "migrate.diff.exclude-tables")
			.containsEntry("migrate.drop-unmapped", "migrate.diff.drop-unmapped")
			.hasSize(12);
		assertThat(descriptions()).containsKeys(deprecations.values().toArray(String[]::new));
	}

	/**
	 * Return the replacement of each deprecated property of the starter's metadata.
	 */
	private static Map<String, String> deprecations() throws Exception {
		List<Map<String, Object>> properties = JsonPath.read(Files.readString(metadata()),
				"$.properties[?(@.deprecated == true)]");
		Map<String, String> replacements = new java.util.TreeMap<>();
		properties.forEach((property) -> replacements.put((String) property.get("name"),
				(String) ((Map<?, ?>) property.get("deprecation")).get("replacement")));
		return replacements;
	}

	/**
	 * Return the descriptions of the current (not deprecated) properties in the starter's
	 * own metadata file (not those of the other jars on the class path).
	 */
	private static Map<String, String> descriptions() throws Exception {
		List<Map<String, Object>> properties = JsonPath.read(Files.readString(metadata()), "$.properties[*]");
		Map<String, String> descriptions = new java.util.TreeMap<>();
		properties.stream()
			.filter((property) -> !Boolean.TRUE.equals(property.get("deprecated")))
			.forEach((property) -> descriptions.put((String) property.get("name"),
					String.valueOf(property.get("description"))));
		return descriptions;
	}

	private static Path metadata() throws Exception {
		Path classes = Path.of(MigrateProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path metadata = classes.resolve("META-INF/spring-configuration-metadata.json");
		assertThat(metadata).as("written by spring-boot-configuration-processor").exists();
		return metadata;
	}

}

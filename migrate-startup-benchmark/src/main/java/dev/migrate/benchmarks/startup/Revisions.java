package dev.migrate.benchmarks.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import dev.migrate.core.changelog.MasterChangelog;

/**
 * Writes a jar of revisions laid out as Migrate lays them out: the master changelog
 * Migrate writes, and one revision per table, each creating one table, as generated
 * revisions do.
 */
final class Revisions {

	static final String CHANGELOG = "db/migrate/changelog.yaml";

	private Revisions() {
	}

	/**
	 * Write the jar.
	 * @param jar the jar file to write
	 * @param revisions how many revisions
	 * @throws IOException if the jar cannot be written
	 */
	static void writeJar(Path jar, int revisions) throws IOException {
		Path folder = Files.createTempDirectory("startup-benchmark-changelog");
		Path master = folder.resolve(CHANGELOG);
		MasterChangelog.writeIfMissing(master, "changes");
		String masterChangelog = Files.readString(master);
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			// Folder entries, as jar tools write them: Spring's class path search for
			// includeAll starts from the folder.
			for (String directory : new String[] { "db/", "db/migrate/", "db/migrate/changes/" }) {
				out.putNextEntry(new JarEntry(directory));
				out.closeEntry();
			}
			add(out, CHANGELOG, masterChangelog);
			for (int i = 0; i < revisions; i++) {
				String id = String.format("2026%010d", i);
				String file = "db/migrate/changes/" + id + "_create_table_" + i + ".yaml";
				add(out, file, revision(id, file, "table_" + i));
			}
		}
	}

	private static String revision(String id, String file, String table) {
		return """
				databaseChangeLog:
				- changeSet:
				    id: %s-1
				    author: migrate
				    comment: 'create table public.%s [SAFE: creates a table]'
				    dbms: postgresql
				    logicalFilePath: %s
				    objectQuotingStrategy: QUOTE_ALL_OBJECTS
				    changes:
				    - createTable:
				        schemaName: public
				        tableName: %s
				        columns:
				        - column:
				            name: id
				            type: bigint
				            constraints:
				              nullable: false
				              primaryKey: true
				              primaryKeyName: %s_pkey
				        - column:
				            name: name
				            type: varchar(255)
				        - column:
				            name: created
				            type: timestamp(6) with time zone
				""".formatted(id, table, file, table, table);
	}

	private static void add(JarOutputStream out, String name, String content) throws IOException {
		out.putNextEntry(new JarEntry(name));
		out.write(content.getBytes(StandardCharsets.UTF_8));
		out.closeEntry();
	}

}

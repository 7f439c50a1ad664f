package dev.migrate.core.changelog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The master changelog that includes every revision file of a folder in name order, so
 * that generated revisions ({@code <timestamp>_<slug>}) and hand-written ones (data
 * migrations named to sort between them) run in sequence.
 */
public final class MasterChangelog {

	/** The default master changelog, relative to the resources root. */
	public static final String DEFAULT_PATH = "db/migrate/changelog.yaml";

	/** The default folder of revision files, relative to the resources root. */
	public static final String DEFAULT_CHANGES_DIRECTORY = "db/migrate/changes";

	private MasterChangelog() {
	}

	/**
	 * Write the master changelog unless it exists.
	 * @param file the master changelog file
	 * @param changesDirectory the folder of revisions, relative to the master changelog
	 * @return whether the file was written
	 * @throws IOException if it cannot be written
	 */
	public static boolean writeIfMissing(Path file, String changesDirectory) throws IOException {
		if (Files.exists(file)) {
			return false;
		}
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, """
				# Written by Migrate. Every file in the changes folder is one revision, applied in
				# file name order; hand-written revisions (e.g. data migrations) may sit between them.
				databaseChangeLog:
				  - includeAll:
				      path: %s/
				      relativeToChangelogFile: true
				      errorIfMissingOrEmpty: false
				""".formatted(changesDirectory));
		return true;
	}

}

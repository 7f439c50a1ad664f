package dev.migrate.core.changelog;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrate.core.exception.MigrateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What Migrate does to a master changelog it did not write.
 */
class MasterChangelogTests {

	@TempDir
	Path directory;

	@Test
	void aChangelogItCannotAddTheRevisionFolderToIsLeftAsItWasWithWhatToDo() throws Exception {
		Path changelog = this.directory.resolve("changelog.sql");
		Files.writeString(changelog, "--liquibase formatted sql\n");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> MasterChangelog.includeIfMissing(changelog, "changes"))
			.withMessage("The master changelog " + changelog + " does not include the folder of revisions changes/,"
					+ " and Migrate adds one only to a YAML or XML changelog; the changelog was not changed and no"
					+ " revision was written. Add an includeAll of changes/ (relative to the changelog) at its end,"
					+ " then run again.");
		assertThat(changelog).hasContent("--liquibase formatted sql");
	}

}

package dev.migrate.core.runner;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrate.core.exception.MigrateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Where a changelog is read from.
 */
class ChangelogFilesTests {

	@TempDir
	Path folder;

	@Test
	void readsTheFilesOfAFolder() throws Exception {
		Files.writeString(this.folder.resolve("changelog.yaml"), "databaseChangeLog: []\n");
		ChangelogFiles files = ChangelogFiles.inDirectory(this.folder);
		assertThat(files.resources().getExisting("changelog.yaml").getPath()).endsWith("changelog.yaml");
		assertThat(files).hasToString(this.folder.toString());
	}

	@Test
	void aMissingFolderIsAMigrateExceptionNamingIt() {
		Path missing = this.folder.resolve("src/main/resources");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> ChangelogFiles.inDirectory(missing))
			.withMessageContaining("The changelog folder " + missing.toAbsolutePath() + " does not exist")
			.withMessageContaining("Nothing was read or changed");
	}

	@Test
	void readsTheClassPath() throws Exception {
		ChangelogFiles files = ChangelogFiles.onClasspath(getClass().getClassLoader());
		assertThat(files.resources().search("dev/migrate/core/runner", false)).isNotEmpty();
	}

}

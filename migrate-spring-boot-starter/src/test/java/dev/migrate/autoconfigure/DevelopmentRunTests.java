package dev.migrate.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DevelopmentRun}.
 */
class DevelopmentRunTests {

	@TempDir
	Path work;

	@Test
	void applicationClassesInABuildOutputFolderAreADevelopmentRun() throws IOException {
		Files.createDirectories(this.work.resolve("target/classes/com/example/app"));
		try (URLClassLoader loader = loader(this.work.resolve("target/classes"))) {
			assertThat(DevelopmentRun.detect(null, loader, List.of("com.example.app"))).isTrue();
		}
	}

	@Test
	void applicationClassesInAJarAreNotADevelopmentRun() throws IOException {
		Path jar = this.work.resolve("app.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(new JarEntry("com/example/app/"));
			out.closeEntry();
		}
		// The working folder looks like a project, as a server's folder may.
		Files.createDirectories(this.work.resolve("src/main/resources"));
		try (URLClassLoader loader = loader(jar)) {
			assertThat(loader.getResource("com/example/app/")).isNotNull();
			assertThat(DevelopmentRun.detect(null, loader, List.of("com.example.app"))).isFalse();
		}
	}

	@Test
	void anUnpackedSpringBootArchiveIsNotADevelopmentRun() throws IOException {
		Files.createDirectories(this.work.resolve("BOOT-INF/classes/com/example/app"));
		try (URLClassLoader loader = loader(this.work.resolve("BOOT-INF/classes"))) {
			assertThat(loader.getResource("com/example/app/")).isNotNull();
			assertThat(DevelopmentRun.detect(null, loader, List.of("com.example.app"))).isFalse();
		}
	}

	@Test
	void withoutApplicationPackagesItIsNotADevelopmentRun() throws IOException {
		Files.createDirectories(this.work.resolve("classes/com/example/app"));
		try (URLClassLoader loader = loader(this.work.resolve("classes"))) {
			assertThat(DevelopmentRun.detect(null, loader, List.of())).isFalse();
		}
	}

	@Test
	void migrateDevelopmentOverridesTheDeduction() throws IOException {
		Files.createDirectories(this.work.resolve("classes/com/example/app"));
		try (URLClassLoader loader = loader(this.work.resolve("classes"))) {
			assertThat(DevelopmentRun.detect(false, loader, List.of("com.example.app"))).isFalse();
			assertThat(DevelopmentRun.detect(true, loader, List.of())).isTrue();
		}
	}

	private static URLClassLoader loader(Path location) throws IOException {
		return new URLClassLoader(new URL[] { location.toUri().toURL() }, null);
	}

}

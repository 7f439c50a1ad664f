package dev.migrate.example;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example as the build packages it, in each form a Spring Boot application is
 * deployed in, and copies of the jar with more files in it (a team's next release).
 */
final class ExampleArchives {

	static final String MAIN_CLASS = "dev.migrate.example.ExampleApplication";

	private ExampleArchives() {
	}

	/**
	 * How the example is started.
	 */
	enum Layout {

		/** {@code java -jar app.jar}. */
		FAT_JAR,

		/** {@code java -jar app.war}, an executable war. */
		WAR,

		/** {@code java -Djarmode=tools -jar app.jar extract}, then {@code java -jar}. */
		EXTRACTED,

		/** {@code java -cp app-classes.jar:lib/* Main}, as many container builds do. */
		PLAIN_CLASSPATH

	}

	static Path jar() {
		return existing(System.getProperty("example.jar", "target/example-app.jar"));
	}

	static Path war() {
		return existing(System.getProperty("example.war", "target/example-app-war.jar"));
	}

	/**
	 * Return the arguments of {@code java} that start the example in the given layout,
	 * extracting it into {@code work} first where the layout needs that.
	 */
	static List<String> launch(Layout layout, Path work) throws IOException, InterruptedException {
		return switch (layout) {
			case FAT_JAR -> List.of("-jar", jar().toString());
			case WAR -> List.of("-jar", war().toString());
			case EXTRACTED -> List.of("-jar", extract(work).resolve("example-app.jar").toString());
			case PLAIN_CLASSPATH -> List.of("-cp",
					existing(jar() + ".original") + java.io.File.pathSeparator + extract(work).resolve("lib") + "/*",
					MAIN_CLASS);
		};
	}

	private static Path extract(Path work) throws IOException, InterruptedException {
		Path destination = work.resolve("extracted");
		if (Files.isDirectory(destination)) {
			return destination;
		}
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djarmode=tools", "-jar", jar().toString(), "extract", "--destination", destination.toString())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("extract.log").toFile())
			.start();
		assertThat(process.waitFor()).as(Files.readString(work.resolve("extract.log"))).isZero();
		return destination;
	}

	/**
	 * Copy the fat jar with more files in its classes (e.g. a new revision), keeping
	 * nested jars stored as Spring Boot's loader requires.
	 * @param target the new jar
	 * @param files classpath paths and their contents
	 * @return the new jar
	 */
	static Path withClasspathFiles(Path target, Map<String, String> files) throws IOException {
		try (ZipFile source = new ZipFile(jar().toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
			Enumeration<? extends ZipEntry> entries = source.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				ZipEntry copy = new ZipEntry(entry);
				if (copy.getMethod() == ZipEntry.DEFLATED) {
					copy.setCompressedSize(-1);
				}
				out.putNextEntry(copy);
				try (InputStream in = source.getInputStream(entry)) {
					in.transferTo(out);
				}
				out.closeEntry();
			}
			for (Map.Entry<String, String> file : files.entrySet()) {
				out.putNextEntry(new ZipEntry("BOOT-INF/classes/" + file.getKey()));
				out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return target;
	}

	private static Path existing(String path) {
		Path file = Path.of(path).toAbsolutePath();
		assertThat(file).as("the packaged example (run through 'verify', after 'package')").exists();
		return file;
	}

}

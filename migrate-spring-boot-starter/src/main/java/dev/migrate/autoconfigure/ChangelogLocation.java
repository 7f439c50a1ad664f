package dev.migrate.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import dev.migrate.core.runner.ChangelogFiles;
import liquibase.integration.spring.SpringResourceAccessor;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Where an instance's changelog is read and its revisions are written: the source
 * directory when auto mode writes there (a development run with a writable folder),
 * otherwise the classpath, found the way Spring finds resources (in nested jars too).
 */
final class ChangelogLocation {

	private final MigrateProperties properties;

	private final ResourceLoader resourceLoader;

	private final boolean developmentRun;

	ChangelogLocation(MigrateProperties properties, ResourceLoader resourceLoader, boolean developmentRun) {
		this.properties = properties;
		this.resourceLoader = resourceLoader;
		this.developmentRun = developmentRun;
	}

	/**
	 * Return the resources the changelog is read from: the source directory when auto
	 * mode writes there, otherwise the classpath.
	 */
	ChangelogFiles resources() {
		Path source = sourceDirectory();
		// Spring's resource loading reads the nested jars of a packaged application.
		return (source != null) ? directory(source)
				: ChangelogFiles.of(new SpringResourceAccessor(this.resourceLoader));
	}

	/**
	 * Return whether the changelog can be found where {@link #resources()} reads it.
	 */
	boolean exists() {
		Path source = sourceDirectory();
		return (source != null) ? Files.exists(source.resolve(this.properties.getChangelog()))
				: classpathChangelog().exists();
	}

	/**
	 * Return where {@link #resources()} reads the changelog, for messages.
	 */
	String location() {
		Path source = sourceDirectory();
		return (source != null) ? source.toString() : "the classpath";
	}

	/**
	 * Return how the master changelog was looked up and, if found, where it is, for
	 * messages.
	 */
	String describe() {
		Path source = sourceDirectory();
		if (source != null) {
			return source.resolve(this.properties.getChangelog()).toString();
		}
		Resource changelog = classpathChangelog();
		String lookup = "classpath:" + this.properties.getChangelog();
		try {
			return changelog.exists() ? lookup + " (" + changelog.getURL() + ")" : lookup;
		}
		catch (IOException ex) {
			return lookup;
		}
	}

	/**
	 * Return the revision files found on the classpath under the changes directory, as
	 * Spring's resource resolution sees them.
	 * @return the pattern searched and the number of files found
	 */
	String describeRevisionSearch() {
		String pattern = "classpath*:" + logicalChangesDirectory() + "/**";
		try {
			Resource[] found = ResourcePatternUtils.getResourcePatternResolver(this.resourceLoader)
				.getResources(pattern);
			long files = Arrays.stream(found).filter(Resource::isReadable).count();
			return pattern + " (" + files + " file(s) found)";
		}
		catch (IOException ex) {
			return pattern + " (" + ex.getMessage() + ")";
		}
	}

	/**
	 * Return the folder of revisions relative to the resources root, e.g.
	 * {@code db/migrate/changes}.
	 */
	String logicalChangesDirectory() {
		String changelog = this.properties.getChangelog();
		int slash = changelog.lastIndexOf('/');
		return ((slash >= 0) ? changelog.substring(0, slash + 1) : "") + this.properties.getChangesDirectory();
	}

	/**
	 * Return where auto mode writes new revisions: the source directory in a development
	 * run, when it is a writable folder.
	 */
	@Nullable Path autoSourceDirectory() {
		return this.developmentRun ? writableSourceDirectory() : null;
	}

	/**
	 * Return the source directory if it is a writable folder, for the generate command.
	 */
	@Nullable Path writableSourceDirectory() {
		Path directory = Path.of(this.properties.getSourceDirectory()).toAbsolutePath();
		return (Files.isDirectory(directory) && Files.isWritable(directory)) ? directory : null;
	}

	private Resource classpathChangelog() {
		return this.resourceLoader.getResource("classpath:" + this.properties.getChangelog());
	}

	private @Nullable Path sourceDirectory() {
		return (this.properties.getMode() == MigrateProperties.Mode.AUTO) ? autoSourceDirectory() : null;
	}

	static ChangelogFiles directory(Path directory) {
		return ChangelogFiles.inDirectory(directory);
	}

}

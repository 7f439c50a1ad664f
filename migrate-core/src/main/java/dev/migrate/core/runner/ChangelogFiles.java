package dev.migrate.core.runner;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrate.core.exception.MigrateException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * Where a changelog and its revision files are read from: a folder (e.g. the source
 * tree's {@code src/main/resources} in development) or the class path (a packaged
 * application).
 */
public final class ChangelogFiles {

	private final ResourceAccessor resources;

	private final String description;

	private ChangelogFiles(ResourceAccessor resources, String description) {
		this.resources = resources;
		this.description = description;
	}

	/**
	 * Read the changelog from a folder, in which the changelog's path is resolved.
	 * @param root the folder, e.g. {@code src/main/resources}
	 * @return the files
	 * @throws MigrateException if the folder does not exist
	 */
	public static ChangelogFiles inDirectory(Path root) {
		if (!Files.isDirectory(root)) {
			throw new MigrateException("The changelog folder " + root.toAbsolutePath() + " does not exist or is not"
					+ " a folder. Nothing was read or changed. Create it, or point Migrate at the folder that holds"
					+ " the changelog.");
		}
		try {
			return new ChangelogFiles(new DirectoryResourceAccessor(root), root.toString());
		}
		catch (FileNotFoundException ex) {
			throw new MigrateException("The changelog folder " + root.toAbsolutePath() + " cannot be read: " + ex
					+ ". Nothing was read or changed.", ex);
		}
	}

	/**
	 * Read the changelog from the class path.
	 * @param classLoader the class loader whose resources hold it
	 * @return the files
	 */
	public static ChangelogFiles onClasspath(ClassLoader classLoader) {
		return new ChangelogFiles(new ClassLoaderResourceAccessor(classLoader), "the class path");
	}

	/**
	 * Read the changelog through a Liquibase resource accessor, for an integration that
	 * has its own (e.g. Spring's, which reads nested jars).
	 * @param resources the accessor
	 * @return the files
	 */
	public static ChangelogFiles of(ResourceAccessor resources) {
		return new ChangelogFiles(resources, resources.describeLocations().toString());
	}

	ResourceAccessor resources() {
		return this.resources;
	}

	@Override
	public String toString() {
		return this.description;
	}

}

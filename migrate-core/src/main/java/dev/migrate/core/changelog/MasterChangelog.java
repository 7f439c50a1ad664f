package dev.migrate.core.changelog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.core.exception.MigrateException;

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
	 * Make an existing master changelog, e.g. the one of an application that ran Spring
	 * Boot's Liquibase integration, include the folder of revisions after what it already
	 * has: an {@code includeAll} is appended to a YAML or XML changelog that has none for
	 * that folder.
	 * @param file the master changelog file
	 * @param changesDirectory the folder of revisions, relative to the master changelog
	 * @return whether the file was changed
	 * @throws IOException if it cannot be read or written
	 * @throws MigrateException if the changelog is in a format Migrate cannot add to
	 */
	public static boolean includeIfMissing(Path file, String changesDirectory) throws IOException {
		String text = Files.readString(file);
		String folder = Pattern.quote(changesDirectory.replaceAll("/+$", ""));
		String name = file.getFileName().toString();
		if (name.endsWith(".yaml") || name.endsWith(".yml")) {
			if (Pattern.compile("(?m)^\\s*path:\\s*['\"]?(.*/)?" + folder + "/?['\"]?\\s*$").matcher(text).find()) {
				return false;
			}
			// A list item indented otherwise than the changelog's own would not parse.
			Matcher item = Pattern.compile("(?m)^( *)- ").matcher(text);
			String indent = item.find() ? item.group(1) : "  ";
			String separator = text.endsWith("\n") ? "" : "\n";
			Files.writeString(file, text + separator + """
					%1$s# Added by Migrate: its revisions, in file name order, after the changesets above.
					%1$s- includeAll:
					%1$s    path: %2$s/
					%1$s    relativeToChangelogFile: true
					%1$s    errorIfMissingOrEmpty: false
					""".formatted(indent, changesDirectory));
			return true;
		}
		if (name.endsWith(".xml")) {
			if (Pattern.compile("path\\s*=\\s*\"(.*/)?" + folder + "/?\"").matcher(text).find()) {
				return false;
			}
			int end = text.lastIndexOf("</databaseChangeLog>");
			if (end >= 0) {
				Files.writeString(file, text.substring(0, end) + """
						    <!-- Added by Migrate: its revisions, in file name order, after the changesets above. -->
						    <includeAll path="%s/" relativeToChangelogFile="true" errorIfMissingOrEmpty="false"/>
						""".formatted(changesDirectory) + text.substring(end));
				return true;
			}
		}
		throw new MigrateException("The master changelog " + file + " does not include the folder of revisions "
				+ changesDirectory + "/, and Migrate adds one only to a YAML or XML changelog; the changelog was not"
				+ " changed and no revision was written. Add an includeAll of " + changesDirectory
				+ "/ (relative to the changelog) at its end, then run again.");
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

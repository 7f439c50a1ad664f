package dev.migrate.core.changelog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes an empty revision to be filled in by hand (a data migration, SQL that
 * autogenerate cannot express), as Alembic's {@code revision -m} without
 * {@code --autogenerate}: one changeset that changes nothing, with a rollback that
 * changes nothing, the stable logical file path and the next free revision id, so that it
 * runs, and rolls back, as it stands.
 */
final class EmptyRevisionWriter {

	private EmptyRevisionWriter() {
	}

	/**
	 * Write an empty revision.
	 * @param changesDirectory the directory of revision files
	 * @param logicalDirectory the directory as the changelog names it
	 * @param message what the revision will do, for its file name and comment
	 * @param author the changeset's author
	 * @param now the moment, for the revision id
	 * @param format the file format
	 * @return the written file
	 * @throws IOException if the file cannot be written
	 */
	static Path write(Path changesDirectory, String logicalDirectory, String message, String author, Instant now,
			ChangelogFormat format) throws IOException {
		String revision = RevisionIds.next(changesDirectory, now);
		String fileName = revision + "_" + ChangeSetWriter.slug(message) + "." + format.extension();
		String logicalFilePath = logicalDirectory + "/" + fileName;
		String comment = message.replaceAll("[\\r\\n]+", " ");
		String text = switch (format) {
			case YAML -> yaml(revision + "-1", author, logicalFilePath, comment);
			case XML -> xml(revision + "-1", author, logicalFilePath, comment);
			case SQL -> sql(revision + "-1", author, logicalFilePath, comment);
		};
		Files.createDirectories(changesDirectory);
		Path file = changesDirectory.resolve(fileName);
		Files.writeString(file, text);
		return file;
	}

	private static String yaml(String id, String author, String logicalFilePath, String comment) {
		return """
				# A hand-written revision: replace the empty change with yours (a data migration, SQL that
				# Migrate does not generate) and write its rollback, newest step first; then review and commit.
				databaseChangeLog:
				  - changeSet:
				      id: %s
				      author: %s
				      logicalFilePath: %s
				      comment: "%s"
				      changes:
				        - empty: {}
				        # - sql:
				        #     sql: UPDATE person SET full_name = trim(full_name)
				      rollback:
				        - empty: {}
				        # - sql:
				        #     sql: SELECT 1
				""".formatted(id, author, logicalFilePath, comment.replace("\\", "\\\\").replace("\"", "\\\""));
	}

	private static String xml(String id, String author, String logicalFilePath, String comment) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<!-- A hand-written revision: replace the empty change with yours (a data migration, SQL that
				     Migrate does not generate) and write its rollback; then review and commit. -->
				<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
				    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
				    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
				    <changeSet id="%s" author="%s" logicalFilePath="%s">
				        <comment>%s</comment>
				        <empty/>
				        <!-- <sql>UPDATE person SET full_name = trim(full_name)</sql> -->
				        <rollback>
				            <empty/>
				        </rollback>
				    </changeSet>
				</databaseChangeLog>
				"""
			.formatted(id, author, logicalFilePath, escapeXml(comment));
	}

	private static String sql(String id, String author, String logicalFilePath, String comment) {
		return """
				-- liquibase formatted sql logicalFilePath:%s

				-- changeset %s:%s
				-- comment: %s
				-- A hand-written revision: replace the statement below with yours (a data migration, SQL
				-- that Migrate does not generate) and the rollback with its inverse; then review and commit.
				SELECT 1;
				-- rollback SELECT 1;
				""".formatted(logicalFilePath, author, id, comment);
	}

	private static String escapeXml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}

package dev.migrate.core.changelog;

import liquibase.serializer.ChangeLogSerializer;

/**
 * The file format of generated revisions, each written by Liquibase's own serializer.
 */
public enum ChangelogFormat {

	/** Liquibase YAML (the default). */
	YAML("yaml"),

	/** Liquibase XML. */
	XML("xml"),

	/** Liquibase formatted SQL, for PostgreSQL. */
	SQL("postgresql.sql");

	private final String extension;

	ChangelogFormat(String extension) {
		this.extension = extension;
	}

	/**
	 * Return the file name extension, without the leading dot.
	 * @return the extension
	 */
	public String extension() {
		return this.extension;
	}

	ChangeLogSerializer serializer() {
		return switch (this) {
			case YAML -> new RevisionYamlSerializer();
			case XML -> new RevisionXmlSerializer();
			case SQL -> new RevisionSqlSerializer();
		};
	}

}

package dev.migrate.core.schema;

import java.util.Comparator;

/**
 * The name of a schema object within its database schema, as stored in the catalog (case
 * preserved, no quotes).
 *
 * @param schema the database schema, e.g. {@code public}
 * @param name the object's name
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {

	private static final Comparator<QualifiedName> ORDER = Comparator.comparing(QualifiedName::schema)
		.thenComparing(QualifiedName::name);

	@Override
	public int compareTo(QualifiedName other) {
		return ORDER.compare(this, other);
	}

	@Override
	public String toString() {
		return this.schema + "." + this.name;
	}

}

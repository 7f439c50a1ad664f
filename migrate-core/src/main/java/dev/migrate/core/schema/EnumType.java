package dev.migrate.core.schema;

import java.util.List;

/**
 * A named enumerated type (PostgreSQL {@code CREATE TYPE ... AS ENUM}).
 *
 * @param name the type name
 * @param labels the labels, in sort order
 */
public record EnumType(QualifiedName name, List<String> labels) {

	public EnumType {
		labels = List.copyOf(labels);
	}

}

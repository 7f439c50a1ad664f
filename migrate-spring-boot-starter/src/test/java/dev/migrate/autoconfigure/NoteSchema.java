package dev.migrate.autoconfigure;

import java.util.List;
import java.util.TreeSet;

import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;

/**
 * The smallest desired schema: one table {@code note} with a {@code bigint} key.
 */
final class NoteSchema {

	static final Schema NOTE = new Schema(new TreeSet<>(List.of("public")),
			List.of(new Table(new QualifiedName("public", "note"),
					List.of(new Column("id", ColumnType.of("int8"), false, null, null, null)),
					new PrimaryKey(null, List.of("id")), List.of(), List.of(), List.of(), List.of(), null)),
			List.of(), List.of());

	private NoteSchema() {
	}

}

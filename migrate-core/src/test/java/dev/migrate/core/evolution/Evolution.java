package dev.migrate.core.evolution;

import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.schema.Schema;

/**
 * A schema at v1, the same schema at v2, and (optionally) rows written at v1 with a query
 * that must still find them at v2.
 *
 * @param name what changes
 * @param v1 the schema before
 * @param v2 the schema after
 * @param options the diff options (e.g. rename hints)
 * @param seed SQL run at v1, or {@code null}
 * @param check a query run at v2, or {@code null}
 * @param expected the query's expected single value
 */
record Evolution(String name, Schema v1, Schema v2, DiffOptions options, String seed, String check, String expected) {

	static Evolution of(String name, TestSchemas.SchemaBuilder v1, TestSchemas.SchemaBuilder v2) {
		return new Evolution(name, v1.build(), v2.build(), DiffOptions.defaults(), null, null, null);
	}

	Evolution options(DiffOptions options) {
		return new Evolution(this.name, this.v1, this.v2, options, this.seed, this.check, this.expected);
	}

	Evolution keeps(String seed, String check, String expected) {
		return new Evolution(this.name, this.v1, this.v2, this.options, seed, check, expected);
	}

	@Override
	public String toString() {
		return this.name;
	}

}

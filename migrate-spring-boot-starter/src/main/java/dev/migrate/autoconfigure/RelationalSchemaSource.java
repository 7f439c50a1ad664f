package dev.migrate.autoconfigure;

import java.util.function.Supplier;

/**
 * The tables of one Spring Data Relational store (R2DBC or JDBC). Free of Spring Data
 * types, so that applications without Spring Data Relational can load the
 * auto-configuration that asks for it.
 */
final class RelationalSchemaSource {

	private final String store;

	private final Supplier<RelationalTables> tables;

	/**
	 * Create a new instance.
	 * @param store how the store's mappings are named in messages, e.g.
	 * {@code Spring Data R2DBC entity}
	 * @param tables reads the tables
	 */
	RelationalSchemaSource(String store, Supplier<RelationalTables> tables) {
		this.store = store;
		this.tables = tables;
	}

	String store() {
		return this.store;
	}

	RelationalTables read() {
		return this.tables.get();
	}

}

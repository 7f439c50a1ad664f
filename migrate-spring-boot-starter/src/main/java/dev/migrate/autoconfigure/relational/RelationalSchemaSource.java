package dev.migrate.autoconfigure.relational;

import java.util.function.Supplier;

import dev.migrate.relational.RelationalTables;

/**
 * The tables of one Spring Data Relational store (R2DBC or JDBC). Free of Spring Data
 * types, so that applications without Spring Data Relational can load the
 * auto-configuration that asks for it.
 */
public final class RelationalSchemaSource {

	private final String store;

	private final Supplier<RelationalTables> tables;

	/**
	 * Create a new instance.
	 * @param store how the store's mappings are named in messages, e.g.
	 * {@code Spring Data R2DBC entity}
	 * @param tables reads the tables
	 */
	public RelationalSchemaSource(String store, Supplier<RelationalTables> tables) {
		this.store = store;
		this.tables = tables;
	}

	/**
	 * Return how the store's mappings are named in messages.
	 * @return the store's name
	 */
	public String store() {
		return this.store;
	}

	/**
	 * Read the tables.
	 * @return the tables
	 */
	public RelationalTables read() {
		return this.tables.get();
	}

}

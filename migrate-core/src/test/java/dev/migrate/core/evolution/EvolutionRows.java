package dev.migrate.core.evolution;

import java.util.Map;

/**
 * Rows written at v1, and what a query finds at v2, for the evolutions that do not say so
 * beside their schemas. Where v2 changes how new rows are made (defaults, identities,
 * keys, types), the query inserts one at v2 and reads it back.
 */
final class EvolutionRows {

	private static final String SEED_PERSON = "INSERT INTO person (id, name) VALUES (1, 'Ada'), (2, 'Grace')";

	private static final String NAMES = "SELECT string_agg(name, ',' ORDER BY id) FROM person";

	/** Evolution name to seed SQL, check query and expected value. */
	static final Map<String, String[]> ROWS = Map.ofEntries(
			Map.entry("create a table next to a populated one", new String[] { SEED_PERSON, NAMES, "Ada,Grace" }),
			Map.entry("drop a column",
					new String[] { "INSERT INTO person (id, name, legacy) VALUES (1, 'Ada', 'x'), (2, 'Grace', 'y')",
							NAMES, "Ada,Grace" }),
			Map.entry("narrow varchar", new String[] { SEED_PERSON, NAMES, "Ada,Grace" }),
			Map.entry("set, change and drop defaults",
					new String[] { "INSERT INTO item (id, qty) VALUES (1, 5)",
							"WITH added AS (INSERT INTO item (id) VALUES (2) RETURNING state, qty, created)"
									+ " SELECT (SELECT state || ',' || qty || ',' || (created IS NOT NULL) FROM item)"
									+ " || ';' || (SELECT state || ',' || qty || ',' || (created IS NULL) FROM added)",
							"new,5,true;draft,1,true" }),
			Map.entry("change the primary key",
					new String[] { "INSERT INTO membership (member, club) VALUES (1, 10), (2, 20)",
							"WITH added AS (INSERT INTO membership (member, club) VALUES (1, 11) RETURNING 1)"
									+ " SELECT (SELECT count(*) FROM membership) + (SELECT count(*) FROM added)",
							"3" }),
			Map.entry("add and drop unique constraints", new String[] {
					"INSERT INTO account (id, email, login) VALUES (1, 'ada@example.org', 'ada')",
					"WITH added AS (INSERT INTO account (id, email, login) VALUES (2, 'grace@example.org', 'ada') RETURNING 1)"
							+ " SELECT (SELECT string_agg(email, ',') FROM account) || ';' || (SELECT count(*) FROM added)",
					"ada@example.org;1" }),
			Map.entry("add and drop indexes, ordered and multi-column",
					new String[] { "INSERT INTO event (id, at, kind) VALUES (1, '2026-01-01 00:00:00+00', 'start')",
							"SELECT kind FROM event", "start" }),
			Map.entry("expression, partial and unique indexes", new String[] { SEED_PERSON, NAMES, "Ada,Grace" }),
			Map.entry("add, drop and change foreign keys", new String[] {
					"INSERT INTO author (id) VALUES (1), (2); INSERT INTO book (id, author_id, editor_id) VALUES (1, 1, 2)",
					"SELECT author_id || ',' || editor_id FROM book", "1,2" }),
			Map.entry("add and drop checks",
					new String[] { "INSERT INTO product (id, price) VALUES (1, 5)", "SELECT price FROM product",
							"5.00" }),
			// The sequence keeps its position and counts by the new increment.
			Map.entry("create, alter and drop sequences",
					new String[] { "SELECT nextval('invoice_seq')", "SELECT nextval('invoice_seq')", "51" }),
			Map.entry("create an enum type and a column of it", new String[] { SEED_PERSON, NAMES, "Ada,Grace" }),
			Map.entry("remove an enum label",
					new String[] { "INSERT INTO diary (id, mood) VALUES (1, 'sad'), (2, 'happy')",
							"SELECT string_agg(mood::text, ',' ORDER BY id) FROM diary", "sad,happy" }),
			Map.entry("table and column comments",
					new String[] { SEED_PERSON, "SELECT string_agg(name, ',' ORDER BY id) FROM person", "Ada,Grace" }),
			Map.entry("create a table that references an existing one", new String[] { SEED_PERSON,
					"WITH added AS (INSERT INTO address (id, person_id, city) VALUES (1, 2, 'Paris') RETURNING 1)"
							+ " SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM added)",
					"3" }),
			Map.entry("drop a table",
					new String[] { SEED_PERSON + "; INSERT INTO obsolete (id, x) VALUES (1, 'x')", NAMES,
							"Ada,Grace" }),
			// The rows keep their ids; at v2 an id may be given and seq counts by itself.
			Map.entry("identity columns",
					new String[] { "INSERT INTO ticket (seq) VALUES (7), (8)",
							"WITH added AS (INSERT INTO ticket (id) VALUES (100) RETURNING seq)"
									+ " SELECT (SELECT string_agg(id || ':' || seq, ',' ORDER BY id) FROM ticket)"
									+ " || ';' || (SELECT seq FROM added)",
							"1:7,2:8;1" }),
			Map.entry("a table in a new schema", new String[] { SEED_PERSON, NAMES, "Ada,Grace" }),
			Map.entry("composite keys, unique and foreign key",
					new String[] { "INSERT INTO region (country, code) VALUES ('FR', '75'), ('FR', '69')",
							"WITH added AS (INSERT INTO office (id, country, code) VALUES (1, 'FR', '75') RETURNING 1)"
									+ " SELECT (SELECT count(*) FROM region) + (SELECT count(*) FROM added)",
							"3" }),
			Map.entry("types that Liquibase cannot spell: numeric arrays, intervals", new String[] {
					"INSERT INTO measure (id) VALUES (1)",
					"WITH added AS (INSERT INTO measure (id, samples, took) VALUES (2, '{1.25,2.5}', '1.5 seconds')"
							+ " RETURNING samples::text AS samples, took::text AS took)"
							+ " SELECT (SELECT count(*) FROM measure) || ';' || samples || ';' || took FROM added",
					"1;{1.25,2.50};00:00:01.5" }));

	private EvolutionRows() {
	}

	static Evolution withRows(Evolution evolution) {
		String[] rows = ROWS.get(evolution.name());
		return (rows != null) ? evolution.keeps(rows[0], rows[1], rows[2]) : evolution;
	}

}

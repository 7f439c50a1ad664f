package dev.migrate.core.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ForeignKey.Action;
import dev.migrate.core.schema.Schema;

/**
 * Random schemas within the supported features, from a small universe of names so that
 * two random schemas share tables and columns and their diff has every kind of change:
 * identity columns, composite primary keys and the multi-column foreign keys that
 * reference them, single and multi-column unique constraints and indexes, checks,
 * defaults, table and column comments, enum types and sequences. Each column keeps its
 * type family, so that type changes convert (e.g. integer widths, text lengths), and
 * every NOT NULL column has a default, so that a populated table can always take it.
 */
final class RandomSchemas {

	static final String[][] TYPES = { { "smallint", "integer", "bigint" }, { "varchar(20)", "varchar(80)", "text" },
			{ "numeric(10,2)", "numeric(12,2)", "numeric(12,4)" }, { "timestamp(6)", "timestamp(3)", "timestamptz(6)" },
			{ "boolean" }, { "uuid" }, { "integer[]", "text[]" } };

	// Positive integers, so that every check on c0 accepts the default.
	private static final String[][] DEFAULTS = { { "1", "2" }, { "'x'", "'y'" }, { "0", "1.5" }, { "now()" },
			{ "true", "false" }, { "gen_random_uuid()" }, { "'{}'" } };

	private final Random random;

	RandomSchemas(Random random) {
		this.random = random;
	}

	Schema next() {
		TestSchemas.SchemaBuilder schema = TestSchemas.schema();
		List<String> labels = new ArrayList<>();
		for (String label : List.of("low", "mid", "high", "max")) {
			if (chance(0.6)) {
				labels.add(label);
			}
		}
		boolean enumType = !labels.isEmpty() && chance(0.7);
		if (enumType) {
			schema.enumType("level", labels.toArray(String[]::new));
		}
		for (int s = 0; s < 2; s++) {
			if (chance(0.5)) {
				schema.sequence("seq_" + s, 1 + this.random.nextInt(2) * 99, 1 + this.random.nextInt(3) * 49);
			}
		}
		List<String> tables = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			if (chance(0.7)) {
				tables.add("t" + t);
			}
		}
		List<String> composite = new ArrayList<>();
		for (String table : tables) {
			List<String> earlier = tables.subList(0, tables.indexOf(table));
			boolean compositeKey = chance(0.3);
			if (compositeKey) {
				composite.add(table);
			}
			schema.table(table, (builder) -> table(builder, compositeKey, earlier, composite, enumType));
		}
		return schema.build();
	}

	private TestSchemas.TableBuilder table(TestSchemas.TableBuilder table, boolean compositeKey, List<String> earlier,
			List<String> composite, boolean enumType) {
		Column.Identity identity = pick(
				new Column.Identity[] { null, null, Column.Identity.ALWAYS, Column.Identity.BY_DEFAULT });
		table.column("id", "bigint", false, null, identity, null);
		if (compositeKey) {
			table.column("k", "integer", false, "1", null, null);
			table.primaryKey("id", "k");
		}
		else {
			table.primaryKey("id");
		}
		// A column of a unique key takes no default: added to a populated table, every
		// row would get the same value.
		List<String> unique = chance(0.4) ? (chance(0.5) ? List.of("c0", "c1") : List.of("c1")) : List.of();
		List<String> columns = new ArrayList<>();
		for (int family = 0; family < TYPES.length; family++) {
			if (!chance(0.6)) {
				continue;
			}
			String column = "c" + family;
			columns.add(column);
			boolean nullable = unique.contains(column) || chance(0.6);
			String defaultValue = (!unique.contains(column) && (!nullable || chance(0.3))) ? pick(DEFAULTS[family])
					: null;
			String comment = chance(0.2) ? pick(new String[] { "note", "other note" }) : null;
			table.column(column, pick(TYPES[family]), nullable, defaultValue, null, comment);
		}
		if (enumType && chance(0.5)) {
			table.column("level", "public.level");
		}
		if (columns.contains("c0") && chance(0.5)) {
			table.check(pick(new String[] { "c0 > 0", "c0 >= 0", "c0 between 0 and 100" }));
		}
		if (!unique.isEmpty() && columns.containsAll(unique)) {
			table.unique(unique.toArray(String[]::new));
		}
		if (!columns.isEmpty() && chance(0.5)) {
			String first = pick(columns.toArray(String[]::new));
			String key = chance(0.3) ? first + " desc" : first;
			String second = pick(columns.toArray(String[]::new));
			if (!second.equals(first) && chance(0.4)) {
				table.index(key, second);
			}
			else {
				table.index(key);
			}
		}
		if (!earlier.isEmpty() && chance(0.6)) {
			String target = pick(earlier.toArray(String[]::new));
			Action onDelete = pick(new Action[] { Action.NO_ACTION, Action.CASCADE, Action.SET_NULL });
			table.column("ref_" + target, "bigint");
			if (composite.contains(target)) {
				table.column("ref_" + target + "_k", "integer");
				table.foreignKey("ref_" + target + ", ref_" + target + "_k", target, "id, k", onDelete);
			}
			else {
				table.foreignKey("ref_" + target, target, "id", onDelete);
			}
		}
		if (chance(0.2)) {
			table.comment(pick(new String[] { "first", "second" }));
		}
		return table;
	}

	private boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	private <T> T pick(T[] options) {
		return options[this.random.nextInt(options.length)];
	}

}

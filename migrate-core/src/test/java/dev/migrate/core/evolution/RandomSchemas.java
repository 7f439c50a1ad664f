package dev.migrate.core.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.migrate.core.schema.ForeignKey.Action;
import dev.migrate.core.schema.Schema;

/**
 * Random schemas within the supported features, from a small universe of names so that
 * two random schemas share tables and columns and their diff has every kind of change.
 * Each column keeps its type family, so that type changes convert (e.g. integer widths,
 * text lengths).
 */
final class RandomSchemas {

	private static final String[][] TYPES = { { "smallint", "integer", "bigint" },
			{ "varchar(20)", "varchar(80)", "text" }, { "numeric(10,2)", "numeric(12,2)", "numeric(12,4)" },
			{ "timestamp(6)", "timestamp(3)", "timestamptz(6)" }, { "boolean" }, { "uuid" },
			{ "integer[]", "text[]" } };

	private static final String[][] DEFAULTS = { { "0", "1" }, { "'x'", "'y'" }, { "0", "1.5" }, { "now()" },
			{ "true", "false" }, { "gen_random_uuid()" }, { "'{}'" } };

	private final Random random;

	RandomSchemas(long seed) {
		this.random = new Random(seed);
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
		for (String table : tables) {
			List<String> earlier = tables.subList(0, tables.indexOf(table));
			schema.table(table, (builder) -> table(builder, earlier, enumType));
		}
		return schema.build();
	}

	private TestSchemas.TableBuilder table(TestSchemas.TableBuilder table, List<String> earlier, boolean enumType) {
		table.id();
		List<String> columns = new ArrayList<>();
		for (int family = 0; family < TYPES.length; family++) {
			if (!chance(0.6)) {
				continue;
			}
			String column = "c" + family;
			columns.add(column);
			String type = pick(TYPES[family]);
			boolean nullable = chance(0.6);
			String defaultValue = (!nullable || chance(0.3)) ? pick(DEFAULTS[family]) : null;
			table.column(column, type, nullable, defaultValue);
		}
		if (enumType && chance(0.5)) {
			table.column("level", "public.level");
		}
		if (columns.contains("c0") && chance(0.5)) {
			table.check(pick(new String[] { "c0 > 0", "c0 >= 0", "c0 between 0 and 100" }));
		}
		if (columns.contains("c1") && chance(0.4)) {
			table.unique("c1");
		}
		if (!columns.isEmpty() && chance(0.5)) {
			String column = pick(columns.toArray(String[]::new));
			table.index(chance(0.3) ? column + " desc" : column);
		}
		if (!earlier.isEmpty() && chance(0.6)) {
			String target = pick(earlier.toArray(String[]::new));
			table.column("ref_" + target, "bigint");
			table.foreignKey("ref_" + target, target, "id",
					pick(new Action[] { Action.NO_ACTION, Action.CASCADE, Action.SET_NULL }));
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

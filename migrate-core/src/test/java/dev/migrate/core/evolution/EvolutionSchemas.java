package dev.migrate.core.evolution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.Declarations;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Sequence;
import dev.migrate.core.schema.Table;

/**
 * Every schema of the {@link Evolutions}, v1 and v2, side by side in one: each in a
 * database schema of its own, so that one database holds them all.
 */
final class EvolutionSchemas {

	private EvolutionSchemas() {
	}

	/**
	 * Return the schemas of every evolution in one, each version's {@code public} moved
	 * to {@code e<n>_v<1|2>} and any other schema {@code s} to {@code e<n>_v<1|2>_s}.
	 * @return the schema
	 */
	static Schema all() {
		List<Schema> moved = new ArrayList<>();
		List<Evolution> evolutions = Evolutions.all();
		for (int i = 0; i < evolutions.size(); i++) {
			moved.add(moved(evolutions.get(i).v1(), "e" + i + "_v1"));
			moved.add(moved(evolutions.get(i).v2(), "e" + i + "_v2"));
		}
		TreeSet<String> schemas = new TreeSet<>(List.of("public"));
		List<Table> tables = new ArrayList<>();
		List<Sequence> sequences = new ArrayList<>();
		List<EnumType> enumTypes = new ArrayList<>();
		Map<String, String> expressions = new HashMap<>();
		Map<QualifiedName, List<String>> columnOrder = new HashMap<>();
		for (Schema schema : moved) {
			schemas.addAll(schema.schemas());
			tables.addAll(schema.tables());
			sequences.addAll(schema.sequences());
			enumTypes.addAll(schema.enumTypes());
			expressions.putAll(schema.declarations().expressions());
			columnOrder.putAll(schema.declarations().columnOrder());
		}
		return new Schema(schemas, tables, sequences, enumTypes, new Declarations(List.of(), expressions, columnOrder));
	}

	private static Schema moved(Schema schema, String prefix) {
		TreeSet<String> schemas = new TreeSet<>();
		schema.schemas().forEach((name) -> schemas.add(schema(name, prefix)));
		List<Table> tables = schema.tables()
			.stream()
			.map((table) -> new Table(moved(table.name(), prefix),
					table.columns().stream().map((column) -> moved(column, prefix)).toList(), table.primaryKey(),
					table.uniqueConstraints(), table.indexes(),
					table.foreignKeys()
						.stream()
						.map((fk) -> new ForeignKey(fk.name(), fk.columns(), moved(fk.referencedTable(), prefix),
								fk.referencedColumns(), fk.onDelete(), fk.onUpdate()))
						.toList(),
					table.checks(), table.comment()))
			.toList();
		List<Sequence> sequences = schema.sequences()
			.stream()
			.map((sequence) -> new Sequence(moved(sequence.name(), prefix), sequence.start(), sequence.increment()))
			.toList();
		List<EnumType> enumTypes = schema.enumTypes()
			.stream()
			.map((type) -> new EnumType(moved(type.name(), prefix), type.labels()))
			.toList();
		Map<QualifiedName, List<String>> columnOrder = new HashMap<>();
		schema.declarations().columnOrder().forEach((table, order) -> columnOrder.put(moved(table, prefix), order));
		return new Schema(schemas, tables, sequences, enumTypes,
				new Declarations(List.of(), schema.declarations().expressions(), columnOrder));
	}

	private static Column moved(Column column, String prefix) {
		ColumnType type = column.type();
		if (type.name().contains(".")) {
			QualifiedName name = TestSchemas.qualified(type.name());
			type = new ColumnType(moved(name, prefix).toString(), type.arguments(), type.array());
		}
		return new Column(column.name(), type, column.nullable(), column.defaultValue(), column.identity(),
				column.comment());
	}

	private static QualifiedName moved(QualifiedName name, String prefix) {
		return new QualifiedName(schema(name.schema(), prefix), name.name());
	}

	private static String schema(String schema, String prefix) {
		return schema.equals("public") ? prefix : prefix + "_" + schema;
	}

}

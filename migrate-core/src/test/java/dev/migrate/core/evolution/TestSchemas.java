package dev.migrate.core.evolution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.schema.CheckConstraint;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.Declarations;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Sequence;
import dev.migrate.core.schema.Table;
import dev.migrate.core.schema.UniqueConstraint;

/**
 * A small language for writing desired schemas in tests, with types and expressions in
 * SQL and names as PostgreSQL stores them.
 */
final class TestSchemas {

	static final Dialect DIALECT = Dialects.postgresql();

	private TestSchemas() {
	}

	static SchemaBuilder schema() {
		return new SchemaBuilder();
	}

	static final class SchemaBuilder {

		private final TreeSet<String> schemas = new TreeSet<>(List.of("public"));

		private final List<Table> tables = new ArrayList<>();

		private final List<Sequence> sequences = new ArrayList<>();

		private final List<EnumType> enums = new ArrayList<>();

		private final Map<String, String> expressions = new HashMap<>();

		private final Map<QualifiedName, List<String>> columnOrder = new HashMap<>();

		private boolean declared;

		/**
		 * Declare, as entities do, each table's column order and each check as written
		 * (tables added after this call).
		 */
		SchemaBuilder declared() {
			this.declared = true;
			return this;
		}

		SchemaBuilder table(String name, UnaryOperator<TableBuilder> definition) {
			QualifiedName qualified = qualified(name);
			this.schemas.add(qualified.schema());
			TableBuilder table = definition.apply(new TableBuilder(qualified));
			this.tables.add(table.build());
			if (this.declared) {
				this.columnOrder.put(qualified, table.columns.stream().map(Column::name).toList());
				this.expressions.putAll(table.written);
			}
			return this;
		}

		SchemaBuilder sequence(String name, long start, long increment) {
			this.sequences.add(new Sequence(qualified(name), start, increment));
			return this;
		}

		SchemaBuilder enumType(String name, String... labels) {
			this.enums.add(new EnumType(qualified(name), List.of(labels)));
			return this;
		}

		Schema build() {
			return new Schema(this.schemas, this.tables, this.sequences, this.enums,
					new Declarations(List.of(), this.expressions, this.columnOrder));
		}

	}

	static final class TableBuilder {

		private final QualifiedName name;

		private final List<Column> columns = new ArrayList<>();

		private PrimaryKey primaryKey;

		private final List<UniqueConstraint> uniques = new ArrayList<>();

		private final List<Index> indexes = new ArrayList<>();

		private final List<ForeignKey> foreignKeys = new ArrayList<>();

		private final List<CheckConstraint> checks = new ArrayList<>();

		private String comment;

		/** Check conditions as written, by canonical form. */
		private final Map<String, String> written = new HashMap<>();

		TableBuilder(QualifiedName name) {
			this.name = name;
		}

		TableBuilder column(String name, String type) {
			return add(name, type, true, null, null, null);
		}

		TableBuilder required(String name, String type) {
			return add(name, type, false, null, null, null);
		}

		TableBuilder column(String name, String type, boolean nullable, String defaultValue) {
			return add(name, type, nullable, defaultValue, null, null);
		}

		TableBuilder commented(String name, String type, String comment) {
			return add(name, type, true, null, null, comment);
		}

		TableBuilder column(String name, String type, boolean nullable, String defaultValue, Column.Identity identity,
				String comment) {
			return add(name, type, nullable, defaultValue, identity, comment);
		}

		TableBuilder identity(String name, String type, Column.Identity identity) {
			return add(name, type, false, null, identity, null);
		}

		TableBuilder id() {
			required("id", "bigint");
			return primaryKey("id");
		}

		private TableBuilder add(String name, String type, boolean nullable, String defaultValue,
				Column.Identity identity, String comment) {
			this.columns.add(new Column(name, DIALECT.columnType(type), nullable,
					(defaultValue != null) ? DIALECT.expression(defaultValue) : null, identity, comment));
			return this;
		}

		TableBuilder primaryKey(String... columns) {
			this.primaryKey = new PrimaryKey(null, List.of(columns));
			return this;
		}

		TableBuilder unique(String... columns) {
			this.uniques.add(new UniqueConstraint(null, List.of(columns)));
			return this;
		}

		TableBuilder index(String... keys) {
			return index(false, null, keys);
		}

		TableBuilder namedIndex(String name, String... keys) {
			index(keys);
			Index index = this.indexes.remove(this.indexes.size() - 1);
			this.indexes.add(new Index(name, index.keys(), index.unique(), index.predicate()));
			return this;
		}

		TableBuilder index(boolean unique, String predicate, String... keys) {
			List<Index.Key> indexKeys = new ArrayList<>();
			for (String key : keys) {
				boolean descending = key.endsWith(" desc");
				String expression = descending ? key.substring(0, key.length() - 5) : key;
				expression = expression.contains("(") ? DIALECT.expression(expression) : expression;
				indexKeys.add(new Index.Key(expression, descending));
			}
			this.indexes
				.add(new Index(null, indexKeys, unique, (predicate != null) ? DIALECT.expression(predicate) : null));
			return this;
		}

		TableBuilder foreignKey(String column, String table, String referenced, ForeignKey.Action onDelete) {
			this.foreignKeys.add(new ForeignKey(null, List.of(column.split(",\\s*")), qualified(table),
					List.of(referenced.split(",\\s*")), onDelete, ForeignKey.Action.NO_ACTION));
			return this;
		}

		TableBuilder check(String expression) {
			this.checks.add(new CheckConstraint(null, DIALECT.expression(expression)));
			this.written.put(DIALECT.expression(expression), expression);
			return this;
		}

		TableBuilder comment(String comment) {
			this.comment = comment;
			return this;
		}

		Table build() {
			return new Table(this.name, this.columns, this.primaryKey, this.uniques, this.indexes, this.foreignKeys,
					this.checks, this.comment);
		}

	}

	static QualifiedName qualified(String name) {
		return name.contains(".")
				? new QualifiedName(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1))
				: new QualifiedName("public", name);
	}

}

package dev.migrate.core.dialect.postgresql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.core.schema.CheckConstraint;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
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
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link Schema} from PostgreSQL's catalogs with a fixed number of set-based
 * queries (see {@link CatalogQueries}). Its {@link Declarations} say what the canonical
 * model leaves out and what a schema rebuilt from it needs to be the same to the stored
 * text: each table's column order, and expressions as PostgreSQL stores them.
 */
final class CatalogReader {

	private final Connection connection;

	private final List<String> schemas;

	private final List<String> excludedTables;

	private final Map<Long, TableBuilder> tables = new LinkedHashMap<>();

	/** Each expression as stored, by its canonical form; null where two differ. */
	private final Map<String, @Nullable String> stored = new HashMap<>();

	CatalogReader(Connection connection, Collection<String> schemas, Collection<String> excludedTables) {
		this.connection = connection;
		this.schemas = List.copyOf(schemas);
		this.excludedTables = List.copyOf(excludedTables);
	}

	Schema read() throws SQLException {
		query(CatalogQueries.TABLE_COMMENTS, (rs) -> this.tables.put(rs.getLong(1),
				new TableBuilder(new QualifiedName(rs.getString(2), rs.getString(3)), rs.getString(4))));
		query(CatalogQueries.COLUMNS, (rs) -> {
			TableBuilder table = table(rs);
			table.columns.add(column(rs));
			table.positions.put(rs.getString(2), rs.getInt(12));
		});
		query(CatalogQueries.CONSTRAINTS, (rs) -> addConstraint(table(rs), rs));
		query(CatalogQueries.INDEXES, (rs) -> table(rs).indexes.add(index(rs)));
		List<Sequence> sequences = new ArrayList<>();
		query(CatalogQueries.SEQUENCES, (rs) -> sequences
			.add(new Sequence(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getLong(3), rs.getLong(4))));
		List<EnumType> enumTypes = new ArrayList<>();
		query(CatalogQueries.ENUM_TYPES, (rs) -> enumTypes
			.add(new EnumType(new QualifiedName(rs.getString(1), rs.getString(2)), strings(rs.getArray(3)))));
		java.util.TreeSet<String> existing = new java.util.TreeSet<>();
		query(CatalogQueries.SCHEMAS, (rs) -> existing.add(rs.getString(1)));
		List<Table> built = this.tables.values().stream().map(TableBuilder::build).toList();
		Map<QualifiedName, List<String>> columnOrder = new LinkedHashMap<>();
		this.tables.values().forEach((table) -> columnOrder.put(table.name, table.columnOrder()));
		Map<String, String> expressions = new HashMap<>();
		this.stored.forEach((canonical, text) -> {
			if (text != null && !text.equals(canonical)) {
				expressions.put(canonical, text);
			}
		});
		return new Schema(existing, built, sequences, enumTypes, new Declarations(List.of(), expressions, columnOrder));
	}

	private TableBuilder table(ResultSet rs) throws SQLException {
		return this.tables.get(rs.getLong(1));
	}

	private Column column(ResultSet rs) throws SQLException {
		ColumnType type = columnType(rs);
		String defaultValue = rs.getString(5);
		String identity = rs.getString(6);
		Column.Identity kind = switch (identity) {
			case "a" -> Column.Identity.ALWAYS;
			case "d" -> Column.Identity.BY_DEFAULT;
			default -> null;
		};
		return new Column(rs.getString(2), type, !rs.getBoolean(4),
				(defaultValue != null) ? canonical(defaultValue) : null, kind, rs.getString(7));
	}

	private ColumnType columnType(ResultSet rs) throws SQLException {
		if (rs.getString(9) != null) {
			return new ColumnType(rs.getString(8) + "." + rs.getString(9), List.of(), false);
		}
		if (rs.getString(11) != null) {
			return new ColumnType(rs.getString(10) + "." + rs.getString(11), List.of(), true);
		}
		return PostgresTypes.parse(rs.getString(3));
	}

	private void addConstraint(TableBuilder table, ResultSet rs) throws SQLException {
		String name = rs.getString(2);
		List<String> columns = strings(rs.getArray(4));
		switch (rs.getString(3)) {
			case "p" -> table.primaryKey = new PrimaryKey(name, columns);
			case "u" -> table.uniqueConstraints.add(new UniqueConstraint(name, columns));
			case "f" ->
				table.foreignKeys.add(new ForeignKey(name, columns, new QualifiedName(rs.getString(5), rs.getString(6)),
						strings(rs.getArray(7)), action(rs.getString(8)), action(rs.getString(9))));
			case "c" -> table.checks.add(new CheckConstraint(name, canonical(rs.getString(10))));
			default -> throw new IllegalStateException("Unexpected constraint type " + rs.getString(3));
		}
	}

	private Index index(ResultSet rs) throws SQLException {
		List<String> expressions = strings(rs.getArray(4));
		Boolean[] descending = (Boolean[]) rs.getArray(5).getArray();
		Boolean[] isExpression = (Boolean[]) rs.getArray(7).getArray();
		List<Index.Key> keys = new ArrayList<>();
		for (int i = 0; i < expressions.size(); i++) {
			String key = isExpression[i] ? canonical(expressions.get(i)) : expressions.get(i);
			keys.add(new Index.Key(key, descending[i]));
		}
		String predicate = rs.getString(6);
		return new Index(rs.getString(2), keys, rs.getBoolean(3), (predicate != null) ? canonical(predicate) : null);
	}

	/**
	 * Return an expression's canonical form, remembering the text PostgreSQL stores for
	 * it: a schema built from this one (a baseline, a rollback) writes that text, so that
	 * PostgreSQL stores the same again; or, for an {@code IN} list whose elements it cast
	 * to another type (a {@code varchar} column's), the list, which PostgreSQL does not
	 * store the same when given its own text.
	 */
	private String canonical(String stored) {
		String canonical = PostgresExpressions.canonical(stored);
		String text = (stored.contains("ANY ((ARRAY[") || stored.contains("ALL ((ARRAY["))
				? PostgresExpressions.withInLists(canonical) : stored;
		if (this.stored.containsKey(canonical) && !text.equals(this.stored.get(canonical))) {
			this.stored.put(canonical, null);
		}
		else {
			this.stored.put(canonical, text);
		}
		return canonical;
	}

	private static ForeignKey.Action action(String code) {
		return switch (code) {
			case "r" -> ForeignKey.Action.RESTRICT;
			case "c" -> ForeignKey.Action.CASCADE;
			case "n" -> ForeignKey.Action.SET_NULL;
			case "d" -> ForeignKey.Action.SET_DEFAULT;
			default -> ForeignKey.Action.NO_ACTION;
		};
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	private void query(String sql, RowHandler handler) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			statement.setArray(1, this.connection.createArrayOf("text", this.schemas.toArray()));
			if (sql.indexOf('?') != sql.lastIndexOf('?')) {
				statement.setArray(2, this.connection.createArrayOf("text", this.excludedTables.toArray()));
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					handler.handle(rs);
				}
			}
		}
	}

	@FunctionalInterface
	private interface RowHandler {

		void handle(ResultSet rs) throws SQLException;

	}

	private static final class TableBuilder {

		private final QualifiedName name;

		private final @Nullable String comment;

		private final List<Column> columns = new ArrayList<>();

		private @Nullable PrimaryKey primaryKey;

		private final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();

		private final List<Index> indexes = new ArrayList<>();

		private final List<ForeignKey> foreignKeys = new ArrayList<>();

		private final List<CheckConstraint> checks = new ArrayList<>();

		private final Map<String, Integer> positions = new HashMap<>();

		TableBuilder(QualifiedName name, @Nullable String comment) {
			this.name = name;
			this.comment = comment;
		}

		List<String> columnOrder() {
			return this.columns.stream()
				.map(Column::name)
				.sorted(java.util.Comparator.comparing(this.positions::get))
				.toList();
		}

		Table build() {
			return new Table(this.name, this.columns, this.primaryKey, this.uniqueConstraints, this.indexes,
					this.foreignKeys, this.checks, this.comment);
		}

	}

}

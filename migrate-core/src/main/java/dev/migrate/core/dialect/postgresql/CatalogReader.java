package dev.migrate.core.dialect.postgresql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.core.schema.CheckConstraint;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
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
 * queries (see {@link CatalogQueries}).
 */
final class CatalogReader {

	private final Connection connection;

	private final List<String> schemas;

	private final List<String> excludedTables;

	private final Map<Long, TableBuilder> tables = new LinkedHashMap<>();

	CatalogReader(Connection connection, Collection<String> schemas, Collection<String> excludedTables) {
		this.connection = connection;
		this.schemas = List.copyOf(schemas);
		this.excludedTables = List.copyOf(excludedTables);
	}

	Schema read() throws SQLException {
		query(CatalogQueries.TABLE_COMMENTS, (rs) -> this.tables.put(rs.getLong(1),
				new TableBuilder(new QualifiedName(rs.getString(2), rs.getString(3)), rs.getString(4))));
		query(CatalogQueries.COLUMNS, (rs) -> table(rs).columns.add(column(rs)));
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
		return new Schema(existing, built, sequences, enumTypes);
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
				(defaultValue != null) ? PostgresExpressions.canonical(defaultValue) : null, kind, rs.getString(7));
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
			case "c" -> table.checks.add(new CheckConstraint(name, PostgresExpressions.canonical(rs.getString(10))));
			default -> throw new IllegalStateException("Unexpected constraint type " + rs.getString(3));
		}
	}

	private Index index(ResultSet rs) throws SQLException {
		List<String> expressions = strings(rs.getArray(4));
		Boolean[] descending = (Boolean[]) rs.getArray(5).getArray();
		Boolean[] isExpression = (Boolean[]) rs.getArray(7).getArray();
		List<Index.Key> keys = new ArrayList<>();
		for (int i = 0; i < expressions.size(); i++) {
			String key = isExpression[i] ? PostgresExpressions.canonical(expressions.get(i)) : expressions.get(i);
			keys.add(new Index.Key(key, descending[i]));
		}
		String predicate = rs.getString(6);
		return new Index(rs.getString(2), keys, rs.getBoolean(3),
				(predicate != null) ? PostgresExpressions.canonical(predicate) : null);
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

		TableBuilder(QualifiedName name, @Nullable String comment) {
			this.name = name;
			this.comment = comment;
		}

		Table build() {
			return new Table(this.name, this.columns, this.primaryKey, this.uniqueConstraints, this.indexes,
					this.foreignKeys, this.checks, this.comment);
		}

	}

}

package dev.migrate.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.schema.CheckConstraint;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Table;
import dev.migrate.core.schema.UniqueConstraint;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.UniqueKey;
import org.jspecify.annotations.Nullable;

/**
 * Maps one Hibernate {@link org.hibernate.mapping.Table} to a schema {@link Table}, with
 * names as the database will store them and types and expressions in canonical form.
 */
final class TableMapper {

	private final Dialect dialect;

	private final Metadata metadata;

	private final String defaultSchema;

	private final Map<String, String> declaredExpressions = new java.util.HashMap<>();

	TableMapper(Dialect dialect, Metadata metadata, String defaultSchema) {
		this.dialect = dialect;
		this.metadata = metadata;
		this.defaultSchema = defaultSchema;
	}

	Table map(org.hibernate.mapping.Table table, EnumTypes enumTypes) {
		List<Column> columns = new ArrayList<>();
		List<CheckConstraint> checks = new ArrayList<>();
		for (org.hibernate.mapping.Column column : table.getColumns()) {
			columns.add(column(table, column, enumTypes));
			checks.addAll(columnChecks(table, column));
		}
		table.getChecks().forEach((check) -> checks.add(check(table, check)));
		return new Table(name(table), columns, primaryKey(table), uniqueConstraints(table), indexes(table),
				foreignKeys(table), checks, table.getComment());
	}

	QualifiedName name(org.hibernate.mapping.Table table) {
		return new QualifiedName(schemaName(table.getSchemaIdentifier()), identifier(table.getNameIdentifier()));
	}

	String schemaName(@Nullable Identifier schema) {
		return (schema != null) ? identifier(schema) : this.defaultSchema;
	}

	/**
	 * Return a name as the database stores it: quoted names as written, others folded.
	 */
	String identifier(Identifier identifier) {
		return identifier(identifier, this.dialect);
	}

	static String identifier(Identifier identifier, Dialect dialect) {
		return identifier.isQuoted() ? identifier.getText() : dialect.fold(identifier.getText());
	}

	String columnName(org.hibernate.mapping.Column column) {
		return column.isQuoted() ? column.getName() : this.dialect.fold(column.getName());
	}

	private Column column(org.hibernate.mapping.Table table, org.hibernate.mapping.Column column, EnumTypes enumTypes) {
		String sqlType = column.getSqlType(this.metadata);
		ColumnType type = enumTypes.columnType(this.dialect.columnType(sqlType));
		boolean nullable = column.isNullable() && !table.isPrimaryKey(column);
		String defaultValue = (column.getDefaultValue() != null)
				? expression(table, column.getDefaultValue(), "the default of column " + columnName(column)) : null;
		if (defaultValue != null) {
			this.declaredExpressions.put(defaultValue, column.getDefaultValue().strip());
		}
		Column.Identity identity = column.isIdentity() ? Column.Identity.BY_DEFAULT : null;
		return new Column(columnName(column), type, nullable, defaultValue, identity, column.getComment());
	}

	/**
	 * Return a column's checks as Hibernate's DDL creates them: each named one on its
	 * own, the unnamed ones as one constraint joined with {@code and} (e.g. {@code @Min}
	 * and {@code @Max} of Bean Validation).
	 */
	private List<CheckConstraint> columnChecks(org.hibernate.mapping.Table table, org.hibernate.mapping.Column column) {
		List<CheckConstraint> checks = new ArrayList<>();
		List<String> unnamed = new ArrayList<>();
		for (org.hibernate.mapping.CheckConstraint check : column.getCheckConstraints()) {
			if (check.isNamed()) {
				checks.add(check(table, check));
			}
			else {
				unnamed.add(check.getConstraint().strip());
			}
		}
		String what = "a check of column " + columnName(column);
		if (unnamed.size() == 1) {
			checks.add(check(table, null, unnamed.get(0), what));
		}
		else if (!unnamed.isEmpty()) {
			checks.add(check(table, null,
					String.join(" and ", unnamed.stream().map((each) -> "(" + each + ")").toList()), what));
		}
		return checks;
	}

	private CheckConstraint check(org.hibernate.mapping.Table table, org.hibernate.mapping.CheckConstraint check) {
		return check(table, check.isNamed() ? check.getName() : null, check.getConstraint(),
				check.isNamed() ? "check " + check.getName() : "a check");
	}

	private CheckConstraint check(org.hibernate.mapping.Table table, @Nullable String name, String condition,
			String what) {
		String canonical = expression(table, condition, what);
		this.declaredExpressions.put(canonical, condition.strip());
		return new CheckConstraint(name, canonical);
	}

	/**
	 * Return an expression's canonical form, or say which entity, table and column
	 * declares an expression the dialect cannot read.
	 */
	private String expression(org.hibernate.mapping.Table table, String sql, String what) {
		try {
			return this.dialect.expression(sql);
		}
		catch (IllegalArgumentException ex) {
			String entity = this.metadata.getEntityBindings()
				.stream()
				.filter((binding) -> binding.getTable() == table)
				.map((binding) -> " (entity " + binding.getEntityName() + ")")
				.findFirst()
				.orElse("");
			throw new EntityMappingException("Cannot read " + what + " of table " + name(table) + entity + ": "
					+ ex.getMessage() + ". Nothing was read from or changed in the database. Write the expression as"
					+ " PostgreSQL takes it (string literals in single quotes, doubled inside: 'it''s') in the"
					+ " entity's mapping (@ColumnDefault, @Check, @Column(columnDefinition), an index's column list)"
					+ ", then start again.", ex);
		}
	}

	/**
	 * Return the check conditions and defaults as the entities declared them, by
	 * canonical form.
	 */
	Map<String, String> declaredExpressions() {
		return this.declaredExpressions;
	}

	private @Nullable PrimaryKey primaryKey(org.hibernate.mapping.Table table) {
		org.hibernate.mapping.PrimaryKey primaryKey = table.getPrimaryKey();
		if (primaryKey == null || primaryKey.getColumns().isEmpty()) {
			return null;
		}
		// Hibernate's own DDL leaves the primary key unnamed; its metadata name is
		// internal.
		return new PrimaryKey(null, columnNames(primaryKey.getColumns()));
	}

	private List<UniqueConstraint> uniqueConstraints(org.hibernate.mapping.Table table) {
		List<UniqueConstraint> uniques = new ArrayList<>();
		for (UniqueKey uniqueKey : table.getUniqueKeys().values()) {
			if (!table.isRedundantUniqueKey(uniqueKey)) {
				uniques
					.add(new UniqueConstraint(uniqueKey.isNameExplicit() ? constraintName(uniqueKey.getName()) : null,
							columnNames(uniqueKey.getColumns())));
			}
		}
		for (org.hibernate.mapping.Column column : table.getColumns()) {
			UniqueConstraint single = new UniqueConstraint(null, List.of(columnName(column)));
			if (column.isUnique() && !table.isPrimaryKey(column)
					&& uniques.stream().noneMatch((u) -> u.identity().equals(single.identity()))) {
				uniques.add(single);
			}
		}
		return uniques;
	}

	private List<Index> indexes(org.hibernate.mapping.Table table) {
		List<Index> indexes = new ArrayList<>();
		for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
			Map<Selectable, String> order = index.getSelectableOrderMap();
			List<Index.Key> keys = new ArrayList<>();
			for (Selectable selectable : index.getSelectables()) {
				String expression = (selectable instanceof org.hibernate.mapping.Column column) ? columnName(column)
						: expression(table, selectable.getText(), "index " + index.getName());
				String direction = order.get(selectable);
				keys.add(new Index.Key(expression,
						direction != null && direction.trim().toLowerCase(Locale.ROOT).startsWith("desc")));
			}
			indexes.add(new Index(constraintName(index.getName()), keys, index.isUnique(), null));
		}
		return indexes;
	}

	private List<ForeignKey> foreignKeys(org.hibernate.mapping.Table table) {
		List<ForeignKey> foreignKeys = new ArrayList<>();
		for (org.hibernate.mapping.ForeignKey foreignKey : table.getForeignKeyCollection()) {
			if (!foreignKey.isCreationEnabled() || !foreignKey.isPhysicalConstraint()) {
				continue;
			}
			org.hibernate.mapping.Table referenced = foreignKey.getReferencedTable();
			List<org.hibernate.mapping.Column> referencedColumns = foreignKey.isReferenceToPrimaryKey()
					? referenced.getPrimaryKey().getColumns() : foreignKey.getReferencedColumns();
			foreignKeys.add(new ForeignKey(constraintName(foreignKey.getName()), columnNames(foreignKey.getColumns()),
					name(referenced), columnNames(referencedColumns), action(foreignKey.getOnDeleteAction()),
					ForeignKey.Action.NO_ACTION));
		}
		return foreignKeys;
	}

	private static ForeignKey.Action action(@Nullable OnDeleteAction action) {
		if (action == null) {
			return ForeignKey.Action.NO_ACTION;
		}
		return switch (action) {
			case CASCADE -> ForeignKey.Action.CASCADE;
			case SET_NULL -> ForeignKey.Action.SET_NULL;
			case SET_DEFAULT -> ForeignKey.Action.SET_DEFAULT;
			case RESTRICT -> ForeignKey.Action.RESTRICT;
			default -> ForeignKey.Action.NO_ACTION;
		};
	}

	/**
	 * Return a constraint or index name as the database stores it: Hibernate's DDL writes
	 * it unquoted (e.g. {@code FK6teg4kcj...}), so the database folds it, unless quoted.
	 */
	private String constraintName(String name) {
		return identifier(Identifier.toIdentifier(name));
	}

	private List<String> columnNames(List<org.hibernate.mapping.Column> columns) {
		return columns.stream().map(this::columnName).toList();
	}

}

package dev.migrate.relational;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Sequence;
import dev.migrate.core.schema.Table;
import dev.migrate.core.schema.UniqueConstraint;
import org.jspecify.annotations.Nullable;

import org.springframework.data.convert.CustomConversions;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;
import org.springframework.data.relational.core.sql.IdentifierProcessing;
import org.springframework.data.relational.core.sql.SqlIdentifier;

/**
 * Reads the tables that Spring Data Relational aggregates map to: one table per aggregate
 * root, embedded properties as prefixed columns, and a child table per entity-valued
 * property ({@code @MappedCollection}, single references) with a back-reference to the
 * nearest ancestor that has an id and, for lists and maps, a key column.
 */
final class RelationalSchemaReader {

	private static final IdentifierProcessing QUOTING = IdentifierProcessing
		.create(new IdentifierProcessing.Quoting("\""), IdentifierProcessing.LetterCasing.AS_IS);

	private final RelationalMappingContext context;

	private final CustomConversions conversions;

	private final boolean childTables;

	private final Dialect dialect;

	private final List<RelationalTables.MappedTable> tables = new ArrayList<>();

	private final List<Sequence> sequences = new ArrayList<>();

	private final List<String> renames = new ArrayList<>();

	private final Map<String, String> backfills = new LinkedHashMap<>();

	/**
	 * Create a new instance.
	 * @param context the store's mapping context
	 * @param conversions the store's conversions
	 * @param childTables whether the store maps entity-valued properties to child tables
	 * (Spring Data JDBC) or not at all (Spring Data R2DBC)
	 * @param dialect the database's dialect
	 */
	RelationalSchemaReader(RelationalMappingContext context, CustomConversions conversions, boolean childTables,
			Dialect dialect) {
		this.context = context;
		this.childTables = childTables;
		this.conversions = conversions;
		this.dialect = dialect;
	}

	RelationalTables read(Collection<Class<?>> aggregateRoots) {
		for (Class<?> root : aggregateRoots) {
			RelationalPersistentEntity<?> entity = this.context.getRequiredPersistentEntity(root);
			table(entity, null, root.getName());
		}
		return new RelationalTables(this.tables, this.sequences, this.renames, this.backfills);
	}

	/**
	 * The table an entity maps to, then its child tables.
	 * @param parent how the table refers to the aggregate above it, or {@code null} for
	 * an aggregate root
	 */
	private void table(RelationalPersistentEntity<?> entity, @Nullable BackReference parent, String mapping) {
		QualifiedName name = tableName(entity.getQualifiedTableName());
		TableParts parts = new TableParts();
		List<ForeignKey> foreignKeys = new ArrayList<>();
		if (parent != null) {
			parts.columns.add(new Column(parent.column(), parent.type(), false, null, null, null));
			parent.keys()
				.forEach((key) -> parts.columns.add(new Column(key.name(), key.type(), false, null, null, null)));
			foreignKeys.add(new ForeignKey(null, List.of(parent.column()), parent.table(), List.of(parent.idColumn()),
					ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION));
		}
		columns(entity, false, parts, parts.primaryKey);
		if (parts.primaryKey.isEmpty() && parent != null && parent.unique()) {
			parts.primaryKey.add(parent.column());
			parent.keys().forEach((key) -> parts.primaryKey.add(key.name()));
		}
		String renamedTable = RelationalConstraints.ofType(entity.getType()).renamedFrom();
		if (renamedTable != null) {
			this.renames.add(new QualifiedName(name.schema(), renamedTable) + "=" + name.name());
		}
		parts.renamedColumns.forEach((old, column) -> this.renames.add(name + "." + old + "=" + column));
		parts.backfills.forEach((column, value) -> this.backfills.put(name + "." + column, value));
		RelationalConstraints.ofType(entity.getType()).addTo(parts.uniques, parts.indexes, (column) -> {
			if (parts.columns.stream().noneMatch((c) -> c.name().equals(column))) {
				throw new RelationalMappingException(entity.getType().getName() + " declares a unique constraint or "
						+ "index on column '" + column + "', which table " + name + " does not have");
			}
		});
		List<Column> keyed = parts.columns.stream()
			.map((column) -> (column.nullable() && parts.primaryKey.contains(column.name())) ? new Column(column.name(),
					column.type(), false, column.defaultValue(), column.identity(), column.comment()) : column)
			.toList();
		this.tables.add(new RelationalTables.MappedTable(
				new Table(name, keyed, parts.primaryKey.isEmpty() ? null : new PrimaryKey(null, parts.primaryKey),
						parts.uniques, parts.indexes, foreignKeys, List.of(), null),
				mapping));
		for (RelationalPersistentProperty child : parts.children) {
			RelationalPersistentEntity<?> childEntity = this.context.getRequiredPersistentEntity(child.getActualType());
			table(childEntity, backReference(entity, name, parts.columns, parts.primaryKey, parent, child),
					entity.getType().getName() + "." + child.getName());
		}
	}

	private BackReference backReference(RelationalPersistentEntity<?> entity, QualifiedName name, List<Column> columns,
			List<String> primaryKey, @Nullable BackReference parent, RelationalPersistentProperty child) {
		List<Key> keys = new ArrayList<>();
		RelationalPersistentEntity<?> idEntity;
		QualifiedName table;
		String idColumn;
		ColumnType idType;
		if (entity.hasIdProperty() && primaryKey.size() == 1) {
			idEntity = entity;
			table = name;
			idColumn = primaryKey.get(0);
			idType = columns.stream()
				.filter((column) -> column.name().equals(idColumn))
				.findFirst()
				.orElseThrow()
				.type();
		}
		else if (parent != null && !entity.hasIdProperty()) {
			idEntity = parent.idEntity();
			table = parent.table();
			idColumn = parent.idColumn();
			idType = parent.type();
			keys.addAll(parent.keys());
		}
		else {
			throw new RelationalMappingException(entity.getType().getName() + "." + child.getName()
					+ " maps a child table, but " + entity.getType().getName()
					+ " has no single-column @Id (nor an ancestor with one) for it to refer to");
		}
		if (child.isQualified()) {
			Class<?> keyType = child.getQualifierColumnType();
			keys.add(new Key(identifier(child.getKeyColumn()),
					columnType(child, keyType, RelationalConstraints.none(), keyType)));
		}
		boolean unique = child.isQualified() || !(child.isCollectionLike() || child.isMap());
		return new BackReference(idEntity, table, idColumn, idType, keys,
				identifier(child.getReverseColumnName(idEntity)), unique);
	}

	private void columns(RelationalPersistentEntity<?> entity, boolean embeddedNullable, TableParts parts,
			List<String> primaryKey) {
		for (RelationalPersistentProperty property : entity) {
			if (property.isEmbedded()) {
				RelationalPersistentEntity<?> embedded = this.context.getRequiredPersistentEntity(property);
				boolean nullable = !property.isIdProperty()
						&& (embeddedNullable || !property.shouldCreateEmptyEmbedded());
				int first = parts.columns.size();
				// The mapping context's embedded entity names its columns with the
				// prefix.
				columns(embedded, nullable, parts, new ArrayList<>());
				if (property.isIdProperty()) {
					// A composite id: every column of the embedded value is in the key.
					parts.columns.subList(first, parts.columns.size())
						.forEach((column) -> primaryKey.add(column.name()));
				}
				continue;
			}
			if (property.isEntity()) {
				parts.children.add(child(property));
				continue;
			}
			Column column = column(entity, property, embeddedNullable, primaryKey);
			parts.columns.add(column);
			RelationalConstraints constraints = RelationalConstraints.of(property);
			constraints.addTo(parts.uniques, parts.indexes, column.name());
			String renamedFrom = constraints.renamedFrom();
			if (renamedFrom != null) {
				parts.renamedColumns.put(renamedFrom, column.name());
			}
			String backfill = constraints.backfill();
			if (backfill != null) {
				parts.backfills.put(column.name(), backfill);
			}
		}
	}

	private RelationalPersistentProperty child(RelationalPersistentProperty property) {
		Class<?> type = property.getActualType();
		if (type.getName().startsWith("java.") || type.getName().startsWith("javax.")) {
			// Spring Data would map the JDK class's fields to a child table: not what
			// anyone means by a property of that type.
			throw unsupported(property);
		}
		if (!this.childTables) {
			throw new RelationalMappingException(property.getOwner().getType().getName() + "." + property.getName()
					+ " has type " + property.getTypeInformation()
					+ ", an entity: Spring Data R2DBC maps no child tables; make it @Embedded, convert it to a "
					+ "supported type, or mark it @Transient");
		}
		return property;
	}

	private static RelationalMappingException unsupported(RelationalPersistentProperty property) {
		return new RelationalMappingException(property.getOwner().getType().getName() + "." + property.getName()
				+ " has type " + property.getTypeInformation()
				+ ", which Migrate cannot map to a PostgreSQL column type; convert it to a supported type "
				+ "(e.g. String), or mark it @Transient");
	}

	private Column column(RelationalPersistentEntity<?> entity, RelationalPersistentProperty property,
			boolean embeddedNullable, List<String> primaryKey) {
		String name = identifier(property.getColumnName());
		RelationalConstraints constraints = RelationalConstraints.of(property);
		ColumnType type = columnType(property, property.getType(), constraints, property.getActualType());
		boolean id = property.isIdProperty();
		boolean nullable = !id && !property.isVersionProperty() && !property.getType().isPrimitive()
				&& (embeddedNullable || !constraints.notNull());
		Column.Identity identity = null;
		if (id) {
			primaryKey.add(name);
			if (property.hasSequence()) {
				this.sequences.add(new Sequence(qualifiedName(property.getSequence(), entity), 1, 1));
			}
			else if (RelationalTypes.generatedIdentifier(property.getType())) {
				identity = Column.Identity.BY_DEFAULT;
			}
		}
		String defaultValue = constraints.defaultValue();
		return new Column(name, type, nullable,
				(defaultValue != null) ? defaultExpression(entity, property, name, defaultValue) : null, identity,
				null);
	}

	private String defaultExpression(RelationalPersistentEntity<?> entity, RelationalPersistentProperty property,
			String column, String defaultValue) {
		try {
			return this.dialect.expression(defaultValue);
		}
		catch (IllegalArgumentException ex) {
			throw new RelationalMappingException("Cannot read the default of column " + column + " of table "
					+ tableName(entity.getQualifiedTableName()) + " (" + property.getOwner().getType().getName() + "."
					+ property.getName() + "): " + ex.getMessage() + ". Nothing was read from or changed in the"
					+ " database. Write the default as PostgreSQL takes it (string literals in single quotes, doubled"
					+ " inside: 'it''s'), then start again.", ex);
		}
	}

	private ColumnType columnType(RelationalPersistentProperty property, Class<?> type,
			RelationalConstraints constraints, Class<?> elementType) {
		boolean array = type != byte[].class && (type.isArray() || property.isCollectionLike()) && type != elementType;
		Class<?> element = array ? elementType : type;
		// The declared type first: the JDBC dialect converts java.time values to
		// java.sql.Timestamp to bind them, but a LocalDate is still a date.
		String sql = RelationalTypes.sqlType(element, constraints.maxLength(), constraints.digits());
		if (sql == null) {
			Class<?> written = this.conversions.getCustomWriteTarget(element).orElse(element);
			sql = RelationalTypes.sqlType(written, constraints.maxLength(), constraints.digits());
		}
		if (sql == null) {
			throw unsupported(property);
		}
		ColumnType canonical = this.dialect.columnType(sql);
		return array ? new ColumnType(canonical.name(), canonical.arguments(), true) : canonical;
	}

	private QualifiedName qualifiedName(SqlIdentifier identifier, RelationalPersistentEntity<?> entity) {
		List<String> parts = new ArrayList<>();
		identifier.forEach((part) -> parts.add(identifier(part)));
		if (parts.size() == 1) {
			QualifiedName table = tableName(entity.getQualifiedTableName());
			return new QualifiedName(table.schema(), parts.get(0));
		}
		return new QualifiedName(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
	}

	private QualifiedName tableName(SqlIdentifier identifier) {
		List<String> parts = new ArrayList<>();
		identifier.forEach((part) -> parts.add(identifier(part)));
		String schema = (parts.size() > 1) ? parts.get(parts.size() - 2) : this.dialect.defaultSchema();
		return new QualifiedName(schema, parts.get(parts.size() - 1));
	}

	/**
	 * Return a name as PostgreSQL stores it: quoted names as written, others lower-cased.
	 */
	static String identifier(SqlIdentifier identifier) {
		return quoted(identifier) ? identifier.getReference() : identifier.getReference().toLowerCase(Locale.ROOT);
	}

	private static boolean quoted(SqlIdentifier identifier) {
		return identifier.toSql(QUOTING).startsWith("\"");
	}

	/**
	 * What a table is built from while its entity's properties are read.
	 */
	private static final class TableParts {

		private final List<Column> columns = new ArrayList<>();

		private final List<String> primaryKey = new ArrayList<>();

		private final List<UniqueConstraint> uniques = new ArrayList<>();

		private final List<Index> indexes = new ArrayList<>();

		private final List<RelationalPersistentProperty> children = new ArrayList<>();

		private final Map<String, String> renamedColumns = new LinkedHashMap<>();

		private final Map<String, String> backfills = new LinkedHashMap<>();

	}

	private record Key(String name, ColumnType type) {

	}

	/**
	 * How a child table refers to the aggregate above it.
	 *
	 * @param idEntity the nearest ancestor with an id
	 * @param table its table
	 * @param idColumn that table's id column
	 * @param type the id's type
	 * @param keys the key columns of the list and map properties on the way down
	 * @param column the back-reference column
	 * @param unique whether the back-reference and keys identify a row (lists, maps and
	 * single references, not sets)
	 */
	private record BackReference(RelationalPersistentEntity<?> idEntity, QualifiedName table, String idColumn,
			ColumnType type, List<Key> keys, String column, boolean unique) {

	}

}

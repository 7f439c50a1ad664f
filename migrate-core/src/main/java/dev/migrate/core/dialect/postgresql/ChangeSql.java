package dev.migrate.core.dialect.postgresql;

import java.util.List;
import java.util.stream.Collectors;

import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.ConstraintChange;
import dev.migrate.core.diff.TableChange;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.QualifiedName;

/**
 * PostgreSQL's SQL for the changes that Liquibase has no structured change for.
 */
final class ChangeSql {

	private final Dialect dialect;

	ChangeSql(Dialect dialect) {
		this.dialect = dialect;
	}

	String of(Change change) {
		if (change instanceof Change.CreateSchema create) {
			return "CREATE SCHEMA IF NOT EXISTS " + q(create.name());
		}
		if (change instanceof Change.DropSchema drop) {
			return "DROP SCHEMA " + q(drop.name());
		}
		if (change instanceof Change.AlterSequence alter) {
			return "ALTER SEQUENCE " + qualified(alter.to().name())
					+ ((alter.from().start() != alter.to().start()) ? " START WITH " + alter.to().start() : "")
					+ " INCREMENT BY " + alter.to().increment();
		}
		if (change instanceof Change.CreateEnumType create) {
			return createEnum(create.type());
		}
		if (change instanceof Change.DropEnumType drop) {
			return "DROP TYPE " + qualified(drop.type().name());
		}
		if (change instanceof Change.ChangeEnumLabels labels) {
			return changeEnumLabels(labels);
		}
		if (change instanceof TableChange.CreateTable create) {
			return createTable(create);
		}
		if (change instanceof TableChange.AddColumn add) {
			return "ALTER TABLE " + qualified(add.table()) + " ADD COLUMN " + column(add.column());
		}
		if (change instanceof TableChange.AlterColumnType alter) {
			String type = this.dialect.sqlType(alter.to());
			return "ALTER TABLE " + qualified(alter.table()) + " ALTER COLUMN " + q(alter.column()) + " TYPE " + type
					+ " USING " + q(alter.column()) + "::" + type;
		}
		if (change instanceof TableChange.AlterIdentity identity) {
			String column = "ALTER TABLE " + qualified(identity.table()) + " ALTER COLUMN " + q(identity.column());
			if (identity.to() == null) {
				return column + " DROP IDENTITY";
			}
			String generated = (identity.to() == dev.migrate.core.schema.Column.Identity.ALWAYS) ? "ALWAYS"
					: "BY DEFAULT";
			return (identity.from() == null) ? column + " ADD GENERATED " + generated + " AS IDENTITY"
					: column + " SET GENERATED " + generated;
		}
		if (change instanceof ConstraintChange.CreateIndex create) {
			return createIndex(create.table(), create.index(), create.index().name(), create.concurrently());
		}
		if (change instanceof ConstraintChange.AddCheck add) {
			return "ALTER TABLE " + qualified(add.table()) + " ADD CONSTRAINT " + q(add.check().name()) + " CHECK ("
					+ add.check().expression() + ")";
		}
		if (change instanceof ConstraintChange.DropCheck drop) {
			return "ALTER TABLE " + qualified(drop.table()) + " DROP CONSTRAINT " + q(drop.check().name());
		}
		if (change instanceof ConstraintChange.AddForeignKey add) {
			return "ALTER TABLE " + qualified(add.table()) + " ADD CONSTRAINT " + q(add.foreignKey().name()) + " "
					+ foreignKeyDefinition(add.foreignKey());
		}
		throw new IllegalArgumentException("No SQL for " + change);
	}

	private String createTable(TableChange.CreateTable create) {
		dev.migrate.core.schema.Table table = create.definition();
		List<String> parts = new java.util.ArrayList<>();
		create.orderedColumns().forEach((column) -> parts.add(column(column)));
		if (table.primaryKey() != null) {
			parts.add("CONSTRAINT " + q(table.primaryKey().name()) + " PRIMARY KEY ("
					+ columnList(table.primaryKey().columns(), this.dialect) + ")");
		}
		return "CREATE TABLE " + qualified(table.name()) + " (\n    " + String.join(",\n    ", parts) + "\n)";
	}

	private String column(dev.migrate.core.schema.Column column) {
		StringBuilder sql = new StringBuilder(q(column.name())).append(' ').append(this.dialect.sqlType(column.type()));
		if (column.defaultValue() != null) {
			sql.append(" DEFAULT ").append(column.defaultValue());
		}
		if (column.identity() != null) {
			sql.append(" GENERATED ")
				.append((column.identity() == dev.migrate.core.schema.Column.Identity.ALWAYS) ? "ALWAYS" : "BY DEFAULT")
				.append(" AS IDENTITY");
		}
		if (!column.nullable()) {
			sql.append(" NOT NULL");
		}
		return sql.toString();
	}

	private String createEnum(EnumType type) {
		return "CREATE TYPE " + qualified(type.name()) + " AS ENUM ("
				+ type.labels().stream().map(PostgresTypes::literal).collect(Collectors.joining(", ")) + ")";
	}

	/**
	 * Appending labels is {@code ADD VALUE}; anything else recreates the type and
	 * converts every column of that type through text.
	 */
	private String changeEnumLabels(Change.ChangeEnumLabels change) {
		QualifiedName name = change.to().name();
		if (change.onlyAddsLabels()) {
			// Right to left, so that the label each new one goes before already exists.
			StringBuilder sql = new StringBuilder();
			List<String> labels = change.to().labels();
			for (int i = labels.size() - 1; i >= 0; i--) {
				if (!change.from().labels().contains(labels.get(i))) {
					sql.append("ALTER TYPE ")
						.append(qualified(name))
						.append(" ADD VALUE ")
						.append(PostgresTypes.literal(labels.get(i)));
					sql.append((i + 1 < labels.size()) ? " BEFORE " + PostgresTypes.literal(labels.get(i + 1)) : "")
						.append(";\n");
				}
			}
			return sql.toString().strip();
		}
		QualifiedName old = new QualifiedName(name.schema(), name.name() + "_migrate_old");
		StringBuilder sql = new StringBuilder();
		sql.append("ALTER TYPE ").append(qualified(name)).append(" RENAME TO ").append(q(old.name())).append(";\n");
		sql.append(createEnum(change.to())).append(";\n");
		for (Change.ColumnRef user : change.users()) {
			sql.append("ALTER TABLE ")
				.append(qualified(user.table()))
				.append(" ALTER COLUMN ")
				.append(q(user.column()))
				.append(" TYPE ")
				.append(qualified(name))
				.append(" USING ")
				.append(q(user.column()))
				.append("::text::")
				.append(qualified(name))
				.append(";\n");
		}
		sql.append("DROP TYPE ").append(qualified(old));
		return sql.toString();
	}

	String createIndex(QualifiedName table, Index index, String name, boolean concurrently) {
		String keys = index.keys()
			.stream()
			.map((key) -> (key.expression().matches("[^()\\s]+") ? q(key.expression()) : "(" + key.expression() + ")")
					+ (key.descending() ? " DESC" : ""))
			.collect(Collectors.joining(", "));
		return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + (concurrently ? "CONCURRENTLY " : "")
				+ q(name) + " ON " + qualified(table) + " (" + keys + ")"
				+ ((index.predicate() != null) ? " WHERE " + index.predicate() : "");
	}

	String backfill(QualifiedName table, String column, String value) {
		return "UPDATE " + qualified(table) + " SET " + q(column) + " = " + value + " WHERE " + q(column) + " IS NULL";
	}

	String foreignKeyDefinition(ForeignKey fk) {
		return "FOREIGN KEY (" + columnList(fk.columns(), this.dialect) + ") REFERENCES "
				+ qualified(fk.referencedTable()) + " (" + columnList(fk.referencedColumns(), this.dialect)
				+ ") ON DELETE " + fk.onDelete().name().replace('_', ' ') + " ON UPDATE "
				+ fk.onUpdate().name().replace('_', ' ');
	}

	private String columnList(List<String> columns, Dialect dialect) {
		return columns.stream().map(dialect::quote).collect(Collectors.joining(", "));
	}

	private String q(String identifier) {
		return this.dialect.quote(identifier);
	}

	private String qualified(QualifiedName name) {
		return this.dialect.qualified(name);
	}

}

package dev.migrate.core.changelog;

import java.util.List;
import java.util.Optional;

import dev.migrate.core.dialect.Ddl;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.OnlineRecipe;
import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.ConstraintChange;
import dev.migrate.core.diff.TableChange;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.QualifiedName;
import liquibase.change.AddColumnConfig;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddDefaultValueChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.AddNotNullConstraintChange;
import liquibase.change.core.AddPrimaryKeyChange;
import liquibase.change.core.AddUniqueConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateSequenceChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropDefaultValueChange;
import liquibase.change.core.DropForeignKeyConstraintChange;
import liquibase.change.core.DropIndexChange;
import liquibase.change.core.DropNotNullConstraintChange;
import liquibase.change.core.DropPrimaryKeyChange;
import liquibase.change.core.DropSequenceChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.DropUniqueConstraintChange;
import liquibase.change.core.RawSQLChange;
import liquibase.change.core.RenameColumnChange;
import liquibase.change.core.RenameTableChange;
import liquibase.change.core.SetColumnRemarksChange;
import liquibase.change.core.SetTableRemarksChange;
import liquibase.statement.DatabaseFunction;

/**
 * Maps each {@link Change} to Liquibase {@link liquibase.change.Change} objects:
 * Liquibase's structured changes where Liquibase has one, {@code sql} where it has none
 * (checks, enum types, partial and concurrent indexes, identity changes).
 */
final class LiquibaseChanges {

	private final Dialect dialect;

	private final Ddl sql;

	LiquibaseChanges(Dialect dialect) {
		this.dialect = dialect;
		this.sql = dialect.ddl();
	}

	List<liquibase.change.Change> of(Change change) {
		Optional<OnlineRecipe> recipe = this.sql.onlineRecipe(change);
		if (recipe.isPresent()) {
			return recipe.get().statements().stream().<liquibase.change.Change>map(LiquibaseChanges::raw).toList();
		}
		if (change instanceof TableChange tableChange) {
			return (tableChange instanceof ConstraintChange constraint) ? constraint(constraint) : table(tableChange);
		}
		if (change instanceof Change.CreateSequence create) {
			CreateSequenceChange result = new CreateSequenceChange();
			result.setSchemaName(create.sequence().name().schema());
			result.setSequenceName(create.sequence().name().name());
			result.setStartValue(java.math.BigInteger.valueOf(create.sequence().start()));
			result.setIncrementBy(java.math.BigInteger.valueOf(create.sequence().increment()));
			return List.of(result);
		}
		if (change instanceof Change.DropSequence drop) {
			DropSequenceChange result = new DropSequenceChange();
			result.setSchemaName(drop.sequence().name().schema());
			result.setSequenceName(drop.sequence().name().name());
			return List.of(result);
		}
		return List.of(raw(this.sql.sql(change)));
	}

	private List<liquibase.change.Change> table(TableChange change) {
		QualifiedName table = change.table();
		if (change instanceof TableChange.CreateTable create) {
			if (!liquibaseSafe(create.definition().columns()) || !plain(table.name())
					|| (create.definition().primaryKey() != null && !plain(create.definition().primaryKey().name()))) {
				return List.of(raw(this.sql.sql(change)));
			}
			CreateTableChange result = new CreateTableChange();
			result.setSchemaName(table.schema());
			result.setTableName(table.name());
			List<String> key = (create.definition().primaryKey() != null) ? create.definition().primaryKey().columns()
					: List.of();
			for (Column column : create.orderedColumns()) {
				ColumnConfig config = column(new ColumnConfig(), column);
				if (key.size() == 1 && key.contains(column.name())) {
					config.getConstraints()
						.setPrimaryKey(true)
						.setPrimaryKeyName(create.definition().primaryKey().name());
				}
				result.addColumn(config);
			}
			if (key.size() > 1) {
				return List.of(result, addPrimaryKey(table, create.definition().primaryKey()));
			}
			return List.of(result);
		}
		if (change instanceof TableChange.DropTable) {
			DropTableChange result = new DropTableChange();
			result.setSchemaName(table.schema());
			result.setTableName(table.name());
			return List.of(result);
		}
		if (change instanceof TableChange.RenameTable rename) {
			RenameTableChange result = new RenameTableChange();
			result.setSchemaName(rename.from().schema());
			result.setOldTableName(rename.from().name());
			result.setNewTableName(rename.to().name());
			return List.of(result);
		}
		if (change instanceof TableChange.AddColumn add) {
			if (!liquibaseSafe(List.of(add.column())) || !plain(table.name())) {
				return List.of(raw(this.sql.sql(change)));
			}
			AddColumnChange result = new AddColumnChange();
			result.setSchemaName(table.schema());
			result.setTableName(table.name());
			result.addColumn((AddColumnConfig) column(new AddColumnConfig(), add.column()));
			return List.of(result);
		}
		if (change instanceof TableChange.DropColumn drop) {
			DropColumnChange result = new DropColumnChange();
			result.setSchemaName(table.schema());
			result.setTableName(table.name());
			result.setColumnName(drop.column().name());
			return List.of(result);
		}
		if (change instanceof TableChange.RenameColumn rename) {
			RenameColumnChange result = new RenameColumnChange();
			result.setSchemaName(table.schema());
			result.setTableName(table.name());
			result.setOldColumnName(rename.from());
			result.setNewColumnName(rename.to());
			return List.of(result);
		}
		if (change instanceof TableChange.AlterNullability alter) {
			return nullability(table, alter);
		}
		if (change instanceof TableChange.AlterDefault alter) {
			return defaultValue(table, alter);
		}
		if (change instanceof TableChange.TableComment comment) {
			SetTableRemarksChange result = new SetTableRemarksChange();
			result.setSchemaName(table.schema());
			result.setTableName(table.name());
			result.setRemarks((comment.to() != null) ? comment.to() : "");
			return List.of(result);
		}
		if (change instanceof TableChange.ColumnComment comment) {
			SetColumnRemarksChange result = new SetColumnRemarksChange();
			result.setSchemaName(table.schema());
			result.setTableName(table.name());
			result.setColumnName(comment.column());
			result.setRemarks((comment.to() != null) ? comment.to() : "");
			return List.of(result);
		}
		return List.of(raw(this.sql.sql(change)));
	}

	private List<liquibase.change.Change> nullability(QualifiedName table, TableChange.AlterNullability alter) {
		if (alter.nullable()) {
			DropNotNullConstraintChange result = new DropNotNullConstraintChange();
			result.setSchemaName(table.schema());
			result.setTableName(table.name());
			result.setColumnName(alter.column());
			return List.of(result);
		}
		AddNotNullConstraintChange result = new AddNotNullConstraintChange();
		result.setSchemaName(table.schema());
		result.setTableName(table.name());
		result.setColumnName(alter.column());
		if (alter.backfill() == null) {
			return List.of(result);
		}
		return List.of(raw(this.sql.backfill(table, alter.column(), alter.backfill())), result);
	}

	private List<liquibase.change.Change> defaultValue(QualifiedName table, TableChange.AlterDefault alter) {
		if (alter.to() == null) {
			DropDefaultValueChange result = new DropDefaultValueChange();
			result.setSchemaName(table.schema());
			result.setTableName(table.name());
			result.setColumnName(alter.column());
			return List.of(result);
		}
		AddDefaultValueChange result = new AddDefaultValueChange();
		result.setSchemaName(table.schema());
		result.setTableName(table.name());
		result.setColumnName(alter.column());
		result.setDefaultValueComputed(defaultValue(alter.to()));
		return List.of(result);
	}

	private List<liquibase.change.Change> constraint(ConstraintChange change) {
		QualifiedName table = change.table();
		if (change instanceof ConstraintChange.AddPrimaryKey add) {
			return List.of(addPrimaryKey(table, add.key()));
		}
		if (change instanceof ConstraintChange.DropPrimaryKey drop) {
			DropPrimaryKeyChange result = new DropPrimaryKeyChange();
			result.setSchemaName(table.schema());
			result.setTableName(table.name());
			result.setConstraintName(drop.key().name());
			return List.of(result);
		}
		if (change instanceof ConstraintChange.AddUnique add) {
			AddUniqueConstraintChange result = new AddUniqueConstraintChange();
			result.setSchemaName(table.schema());
			result.setTableName(table.name());
			result.setConstraintName(add.constraint().name());
			result.setColumnNames(String.join(", ", add.constraint().columns()));
			return List.of(result);
		}
		if (change instanceof ConstraintChange.DropUnique drop) {
			DropUniqueConstraintChange result = new DropUniqueConstraintChange();
			result.setSchemaName(table.schema());
			result.setTableName(table.name());
			result.setConstraintName(drop.constraint().name());
			return List.of(result);
		}
		if (change instanceof ConstraintChange.CreateIndex create && !create.concurrently()
				&& create.index().predicate() == null) {
			return List.of(createIndex(table, create.index()));
		}
		if (change instanceof ConstraintChange.DropIndex drop) {
			DropIndexChange result = new DropIndexChange();
			result.setSchemaName(table.schema());
			result.setTableName(table.name());
			result.setIndexName(drop.index().name());
			return List.of(result);
		}
		if (change instanceof ConstraintChange.AddForeignKey add) {
			return List.of(addForeignKey(table, add.foreignKey()));
		}
		if (change instanceof ConstraintChange.DropForeignKey drop) {
			DropForeignKeyConstraintChange result = new DropForeignKeyConstraintChange();
			result.setBaseTableSchemaName(table.schema());
			result.setBaseTableName(table.name());
			result.setConstraintName(drop.foreignKey().name());
			return List.of(result);
		}
		return List.of(raw(this.sql.sql(change)));
	}

	private AddPrimaryKeyChange addPrimaryKey(QualifiedName table, dev.migrate.core.schema.PrimaryKey key) {
		AddPrimaryKeyChange result = new AddPrimaryKeyChange();
		result.setSchemaName(table.schema());
		result.setTableName(table.name());
		result.setConstraintName(key.name());
		result.setColumnNames(String.join(", ", key.columns()));
		return result;
	}

	private CreateIndexChange createIndex(QualifiedName table, Index index) {
		CreateIndexChange result = new CreateIndexChange();
		result.setSchemaName(table.schema());
		result.setTableName(table.name());
		result.setIndexName(index.name());
		result.setUnique(index.unique() ? Boolean.TRUE : null);
		for (Index.Key key : index.keys()) {
			AddColumnConfig column = new AddColumnConfig();
			column.setName(key.expression());
			if (!key.expression().matches("[^()\\s]+")) {
				column.setComputed(true);
			}
			if (key.descending()) {
				column.setDescending(true);
			}
			result.addColumn(column);
		}
		return result;
	}

	private AddForeignKeyConstraintChange addForeignKey(QualifiedName table, ForeignKey fk) {
		AddForeignKeyConstraintChange result = new AddForeignKeyConstraintChange();
		result.setBaseTableSchemaName(table.schema());
		result.setBaseTableName(table.name());
		result.setBaseColumnNames(String.join(", ", fk.columns()));
		result.setReferencedTableSchemaName(fk.referencedTable().schema());
		result.setReferencedTableName(fk.referencedTable().name());
		result.setReferencedColumnNames(String.join(", ", fk.referencedColumns()));
		result.setConstraintName(fk.name());
		if (fk.onDelete() != ForeignKey.Action.NO_ACTION) {
			result.setOnDelete(fk.onDelete().name().replace('_', ' '));
		}
		if (fk.onUpdate() != ForeignKey.Action.NO_ACTION) {
			result.setOnUpdate(fk.onUpdate().name().replace('_', ' '));
		}
		return result;
	}

	private ColumnConfig column(ColumnConfig config, Column column) {
		config.setName(column.name());
		config.setType(this.dialect.liquibaseType(column.type()).orElseThrow());
		if (column.defaultValue() != null) {
			config.setDefaultValueComputed(defaultValue(column.defaultValue()));
		}
		if (column.identity() != null) {
			config.setAutoIncrement(true);
			config.setGenerationType((column.identity() == Column.Identity.ALWAYS) ? "ALWAYS" : "BY DEFAULT");
		}
		ConstraintsConfig constraints = new ConstraintsConfig();
		if (!column.nullable()) {
			constraints.setNullable(false);
		}
		config.setConstraints(constraints);
		if (column.comment() != null) {
			config.setRemarks(column.comment());
		}
		return config;
	}

	private boolean liquibaseSafe(List<Column> columns) {
		return columns.stream()
			.allMatch((column) -> plain(column.name()) && this.dialect.liquibaseType(column.type()).isPresent());
	}

	/**
	 * Return whether Liquibase keeps a name as it is: it substitutes its own names for
	 * some others (e.g. a primary key name with a {@code $}).
	 */
	private static boolean plain(@org.jspecify.annotations.Nullable String name) {
		return name == null || name.matches("[A-Za-z_][A-Za-z0-9_]*");
	}

	/**
	 * Parenthesised, so that Liquibase passes the expression through instead of replacing
	 * what it takes for a current-time function ({@code current_timestamp} becomes
	 * {@code NOW()} otherwise).
	 */
	private static DatabaseFunction defaultValue(String expression) {
		return new DatabaseFunction("(" + expression + ")");
	}

	static RawSQLChange raw(String sql) {
		RawSQLChange change = new RawSQLChange(sql);
		change.setSplitStatements(false);
		return change;
	}

}

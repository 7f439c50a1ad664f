package dev.migrate.core.dialect.postgresql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.OnlineRecipe;
import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.ConstraintChange;
import dev.migrate.core.diff.TableChange;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.QualifiedName;
import org.jspecify.annotations.Nullable;

/**
 * The online recipes: changes that would hold a strong lock while they scan or build are
 * split into statements that each commit on their own, so that the long part runs under a
 * lock that lets reads and writes go on, and the strong lock is held only for a catalog
 * update. Every statement can run again after a failure (a half-built, INVALID index is
 * dropped before it is built again), because a changeset that runs outside a transaction
 * is run again from its start.
 */
final class OnlineRecipes {

	private final Dialect dialect;

	private final ChangeSql sql;

	OnlineRecipes(Dialect dialect, ChangeSql sql) {
		this.dialect = dialect;
		this.sql = sql;
	}

	/**
	 * Return whether a change, or the change that undoes it, runs as an online recipe
	 * (whose statements must each commit on their own), or cannot run in a transaction
	 * ({@code ALTER TYPE ... ADD VALUE}).
	 */
	boolean runsOutsideTransaction(Change change) {
		return recipe(change).isPresent() || recipe(change.inverse()).isPresent()
				|| (change instanceof Change.ChangeEnumLabels labels && labels.onlyAddsLabels());
	}

	/**
	 * Return the recipe for a change, if it has one.
	 * @param change the change
	 * @return the recipe's name and its statements, each committed on its own
	 */
	Optional<OnlineRecipe> recipe(Change change) {
		if (change instanceof TableChange.AlterNullability alter && alter.online()) {
			return Optional.of(alter.nullable()
					? new OnlineRecipe("NOT NULL dropped on its own", List
						.of(alterTable(alter.table()) + " ALTER COLUMN " + q(alter.column()) + " DROP NOT NULL"))
					: notNull(alter));
		}
		if (!(change instanceof ConstraintChange constraint)) {
			return Optional.empty();
		}
		QualifiedName table = constraint.table();
		if (constraint instanceof ConstraintChange.CreateIndex create && create.concurrently()) {
			return Optional
				.of(new OnlineRecipe("index built concurrently", List.of(dropIndex(table, create.index().name()),
						this.sql.createIndex(table, create.index(), create.index().name(), true))));
		}
		if (constraint instanceof ConstraintChange.DropIndex drop && drop.concurrently()) {
			return Optional
				.of(new OnlineRecipe("index dropped concurrently", List.of(dropIndex(table, drop.index().name()))));
		}
		if (constraint instanceof ConstraintChange.ReplaceIndex replace) {
			return Optional.of(replaceIndex(replace));
		}
		if (constraint instanceof ConstraintChange.AddUnique add && add.online() && !add.newTable()) {
			return Optional.of(usingIndex(table, add.constraint().name(), add.constraint().columns(), "UNIQUE"));
		}
		if (constraint instanceof ConstraintChange.AddPrimaryKey add && add.online() && !add.newTable()) {
			return Optional.of(usingIndex(table, add.key().name(), add.key().columns(), "PRIMARY KEY"));
		}
		if (constraint instanceof ConstraintChange.AddCheck add && add.online() && !add.newTable()) {
			return Optional.of(notValidThenValidate(table, add.check().name(),
					"CHECK (" + add.check().expression() + ")", "check added NOT VALID, then validated"));
		}
		if (constraint instanceof ConstraintChange.AddForeignKey add && add.online() && !add.newTable()
				&& !add.newColumns()) {
			return Optional.of(notValidThenValidate(table, add.foreignKey().name(),
					this.sql.foreignKeyDefinition(add.foreignKey()), "foreign key added NOT VALID, then validated"));
		}
		String dropped = droppedOnline(constraint);
		if (dropped != null) {
			return Optional
				.of(new OnlineRecipe("constraint dropped on its own", List.of(dropConstraint(table, dropped))));
		}
		return Optional.empty();
	}

	/**
	 * The name of the constraint an online drop drops, which goes in a changeset of its
	 * own so that its rollback, an online recipe, can run outside a transaction.
	 */
	private static @Nullable String droppedOnline(ConstraintChange constraint) {
		if (constraint instanceof ConstraintChange.DropUnique drop && drop.online()) {
			return drop.constraint().name();
		}
		if (constraint instanceof ConstraintChange.DropPrimaryKey drop && drop.online()) {
			return drop.key().name();
		}
		if (constraint instanceof ConstraintChange.DropCheck drop && drop.online()) {
			return drop.check().name();
		}
		if (constraint instanceof ConstraintChange.DropForeignKey drop && drop.online()) {
			return drop.foreignKey().name();
		}
		return null;
	}

	/**
	 * {@code SET NOT NULL} scans the table under an ACCESS EXCLUSIVE lock unless a valid
	 * check already proves the column holds no NULL (PostgreSQL 12 and later); the check
	 * is validated under a SHARE UPDATE EXCLUSIVE lock instead.
	 */
	private OnlineRecipe notNull(TableChange.AlterNullability alter) {
		String check = PostgresNaming.INSTANCE.notNullCheck(alter.table(), alter.column());
		List<String> statements = new ArrayList<>();
		statements.add(dropConstraint(alter.table(), check));
		statements.add(alterTable(alter.table()) + " ADD CONSTRAINT " + q(check) + " CHECK (" + q(alter.column())
				+ " IS NOT NULL) NOT VALID");
		if (alter.backfill() != null) {
			statements.add(this.sql.backfill(alter.table(), alter.column(), alter.backfill()));
		}
		statements.add(validate(alter.table(), check));
		statements.add(alterTable(alter.table()) + " ALTER COLUMN " + q(alter.column()) + " SET NOT NULL");
		statements.add(dropConstraint(alter.table(), check));
		return new OnlineRecipe("NOT NULL proven by a check added NOT VALID and validated, then set", statements);
	}

	private OnlineRecipe usingIndex(QualifiedName table, String name, List<String> columns, String constraint) {
		Index index = new Index(name, columns.stream().map((column) -> new Index.Key(column, false)).toList(), true,
				null);
		return new OnlineRecipe(
				"unique index built concurrently, then ADD CONSTRAINT " + constraint.toLowerCase() + " USING INDEX",
				List.of(dropIndex(table, name), this.sql.createIndex(table, index, name, true), alterTable(table)
						+ " ADD CONSTRAINT " + q(name) + " " + constraint + " USING INDEX " + q(name)));
	}

	private OnlineRecipe replaceIndex(ConstraintChange.ReplaceIndex replace) {
		QualifiedName table = replace.table();
		String temporary = replace.temporaryName();
		return new OnlineRecipe(
				"changed index built concurrently as " + temporary + ", old one dropped concurrently, renamed",
				List.of(dropIndex(table, temporary), this.sql.createIndex(table, replace.to(), temporary, true),
						dropIndex(table, replace.from().name()),
						"ALTER INDEX " + qualified(new QualifiedName(table.schema(), temporary)) + " RENAME TO "
								+ q(replace.to().name())));
	}

	private OnlineRecipe notValidThenValidate(QualifiedName table, String name, String definition, String recipe) {
		return new OnlineRecipe(recipe,
				List.of(dropConstraint(table, name),
						alterTable(table) + " ADD CONSTRAINT " + q(name) + " " + definition + " NOT VALID",
						validate(table, name)));
	}

	private String dropIndex(QualifiedName table, String name) {
		return "DROP INDEX CONCURRENTLY IF EXISTS " + qualified(new QualifiedName(table.schema(), name));
	}

	private String dropConstraint(QualifiedName table, String name) {
		return alterTable(table) + " DROP CONSTRAINT IF EXISTS " + q(name);
	}

	private String validate(QualifiedName table, String name) {
		return alterTable(table) + " VALIDATE CONSTRAINT " + q(name);
	}

	private String alterTable(QualifiedName table) {
		return "ALTER TABLE " + qualified(table);
	}

	private String q(String identifier) {
		return this.dialect.quote(identifier);
	}

	private String qualified(QualifiedName name) {
		return this.dialect.qualified(name);
	}

}

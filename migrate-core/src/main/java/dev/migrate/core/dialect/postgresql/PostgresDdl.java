package dev.migrate.core.dialect.postgresql;

import java.util.List;
import java.util.Optional;

import dev.migrate.core.dialect.Ddl;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.OnlineRecipe;
import dev.migrate.core.diff.Change;
import dev.migrate.core.schema.QualifiedName;

/**
 * PostgreSQL's DDL: the SQL of each change kind, the online recipes and the guards.
 */
final class PostgresDdl implements Ddl {

	private final ChangeSql sql;

	private final OnlineRecipes recipes;

	PostgresDdl(Dialect dialect) {
		this.sql = new ChangeSql(dialect);
		this.recipes = new OnlineRecipes(dialect, this.sql);
	}

	@Override
	public String sql(Change change) {
		return this.sql.of(change);
	}

	@Override
	public Optional<OnlineRecipe> onlineRecipe(Change change) {
		return this.recipes.recipe(change);
	}

	@Override
	public boolean runsOutsideTransaction(Change change) {
		return this.recipes.runsOutsideTransaction(change);
	}

	@Override
	public String backfill(QualifiedName table, String column, String value) {
		return this.sql.backfill(table, column, value);
	}

	@Override
	public String baselineGuard(List<QualifiedName> tables, String fileName) {
		return GuardSql.baseline(tables, fileName);
	}

	@Override
	public String squashGuard(List<String> squashedFiles, int changeSets, String fileName, String last) {
		return GuardSql.squash(squashedFiles, changeSets, fileName, last);
	}

	@Override
	public String fail(String message) {
		return GuardSql.fail(message);
	}

}

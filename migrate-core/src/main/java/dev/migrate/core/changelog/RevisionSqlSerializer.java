package dev.migrate.core.changelog;

import java.util.ArrayList;
import java.util.List;

import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.serializer.LiquibaseSerializable;
import liquibase.serializer.core.formattedsql.FormattedSqlChangeLogSerializer;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;

/**
 * Liquibase's formatted SQL serializer, with what it leaves out of a changeset: its
 * rollback (as a {@code liquibase rollback} comment block), and the guard of a
 * destructive changeset (an SQL check on the {@value DestructiveGuard#ALLOW_PROPERTY}
 * changelog property, the only precondition formatted SQL can express), so that a
 * revision in SQL can be downgraded and cannot drop anything by accident, as one in YAML
 * or XML.
 */
final class RevisionSqlSerializer extends FormattedSqlChangeLogSerializer {

	@Override
	public String serialize(LiquibaseSerializable object, boolean pretty) {
		String sql = super.serialize(object, pretty);
		if (!(object instanceof ChangeSet changeSet)) {
			return sql;
		}
		StringBuilder result = new StringBuilder();
		String[] lines = sql.split("\n", -1);
		for (String line : lines) {
			result.append(line).append('\n');
			if (line.startsWith("-- changeset ") && changeSet.getPreconditions() != null) {
				result.append(DestructiveGuard.formattedSql());
			}
		}
		List<String> rollback = rollbackSql(changeSet);
		if (!rollback.isEmpty()) {
			result.append("/* liquibase rollback\n");
			rollback.forEach((statement) -> result.append(statement).append(";\n"));
			result.append("*/\n");
		}
		return result.toString();
	}

	private List<String> rollbackSql(ChangeSet changeSet) {
		Database database = getTargetDatabase(changeSet);
		List<String> statements = new ArrayList<>();
		for (Change change : changeSet.getRollback().getChanges()) {
			for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(change, database)) {
				statements.add(sql.toSql());
			}
		}
		return statements;
	}

}

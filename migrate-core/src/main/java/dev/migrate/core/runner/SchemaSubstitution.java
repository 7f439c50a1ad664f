package dev.migrate.core.runner;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.change.ChangeParameterMetaData;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.precondition.Precondition;
import liquibase.precondition.PreconditionLogic;
import liquibase.precondition.core.SqlPrecondition;

/**
 * Runs a changelog written for one schema (the template, e.g. {@code public}, where
 * revisions are generated) in another (a tenant's): every schema name of a change that is
 * the template's becomes the tenant's, and so does every {@code template.} qualifier in
 * the SQL of a {@code sql} change. Changes that name no schema run in the tenant's schema
 * anyway, which is the session's only schema. Checksums are computed from the changes as
 * they run, so they stay the same from one run on a tenant to the next.
 */
final class SchemaSubstitution {

	private static final Map<Class<?>, List<ChangeParameterMetaData>> SCHEMA_PARAMETERS = new ConcurrentHashMap<>();

	private final String from;

	private final String to;

	private final Pattern qualifier;

	private final Pattern pairSchema;

	SchemaSubstitution(String from, String to) {
		this.from = from;
		this.to = to;
		String quoted = Pattern.quote("\"" + from.replace("\"", "\"\"") + "\"");
		String plain = from.matches("[a-z_][a-z0-9_$]*") ? "|" + Pattern.quote(from) : "";
		// String literals are matched first, and kept as they are.
		this.pairSchema = Pattern.compile("(\\(\\s*)" + Pattern.quote(literal(from)) + "(\\s*,)");
		this.qualifier = Pattern.compile("'(?:[^']|'')*'|(?<![\\w$.\"])(?:" + quoted + plain + ")\\.(?=[\\w\"])");
	}

	void apply(DatabaseChangeLog changeLog) {
		for (ChangeSet changeSet : changeLog.getChangeSets()) {
			apply(changeSet.getChanges());
			apply(changeSet.getRollback().getChanges());
			if (changeSet.getPreconditions() != null) {
				applyToPreconditions(changeSet.getPreconditions().getNestedPreconditions());
			}
		}
	}

	/**
	 * A baseline's guard names its tables as {@code (schema, table)} pairs of string
	 * literals: the template's name there becomes the tenant's, or every tenant would be
	 * judged by the template's tables.
	 */
	private void applyToPreconditions(List<Precondition> preconditions) {
		for (Precondition precondition : preconditions) {
			if (precondition instanceof SqlPrecondition sql && sql.getSql() != null) {
				sql.setSql(this.pairSchema.matcher(substitute(sql.getSql()))
					.replaceAll(
							(match) -> Matcher.quoteReplacement(match.group(1) + literal(this.to) + match.group(2))));
			}
			else if (precondition instanceof PreconditionLogic logic) {
				applyToPreconditions(logic.getNestedPreconditions());
			}
		}
	}

	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	private void apply(List<Change> changes) {
		for (Change change : changes) {
			for (ChangeParameterMetaData parameter : schemaParameters(change)) {
				if (this.from.equals(parameter.getCurrentValue(change))) {
					parameter.setValue(change, this.to);
				}
			}
			if (change instanceof RawSQLChange sql && sql.getSql() != null) {
				sql.setSql(substitute(sql.getSql()));
			}
		}
	}

	/**
	 * The parameters of a kind of change that name a schema, found once per kind: finding
	 * a change's metadata is costly, and a changelog runs on every tenant schema.
	 */
	private static List<ChangeParameterMetaData> schemaParameters(Change change) {
		return SCHEMA_PARAMETERS.computeIfAbsent(change.getClass(),
				(kind) -> Scope.getCurrentScope()
					.getSingleton(ChangeFactory.class)
					.getChangeMetaData(change)
					.getParameters()
					.values()
					.stream()
					.filter((parameter) -> parameter.getParameterName().toLowerCase(Locale.ROOT).endsWith("schemaname"))
					.toList());
	}

	String substitute(String sql) {
		String replacement = this.to.matches("[a-z_][a-z0-9_$]*") ? this.to
				: "\"" + this.to.replace("\"", "\"\"") + "\"";
		return this.qualifier.matcher(sql)
			.replaceAll((match) -> Matcher
				.quoteReplacement(match.group().startsWith("'") ? match.group() : replacement + "."));
	}

}

package dev.migrate.core.dialect.postgresql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.core.schema.ColumnType;

/**
 * Turns any PostgreSQL spelling of a type (Hibernate's DDL types, {@code format_type}
 * output, user column definitions) into one canonical {@link ColumnType}.
 */
final class PostgresTypes {

	private static final Pattern TYPE = Pattern
		.compile("(?<name>[a-z_][a-z0-9_ ]*?)\\s*(?:\\((?<args>[0-9,\\s]*)\\))?\\s*(?<zone>with(?:out)? time zone)?");

	private static final Pattern ARRAY_SUFFIX = Pattern.compile("(\\s*\\[\\d*\\])+$|\\s+array(\\s*\\[\\d*\\])?$");

	private static final Map<String, String> SYNONYMS = Map.ofEntries(Map.entry("int", "int4"),
			Map.entry("integer", "int4"), Map.entry("serial", "int4"), Map.entry("smallint", "int2"),
			Map.entry("tinyint", "int2"), Map.entry("smallserial", "int2"), Map.entry("bigint", "int8"),
			Map.entry("bigserial", "int8"), Map.entry("real", "float4"), Map.entry("double precision", "float8"),
			Map.entry("double", "float8"), Map.entry("boolean", "bool"), Map.entry("character varying", "varchar"),
			Map.entry("char varying", "varchar"), Map.entry("character", "bpchar"), Map.entry("char", "bpchar"),
			Map.entry("decimal", "numeric"), Map.entry("bit varying", "varbit"));

	/** Types whose precision defaults to 6 when not given. */
	private static final List<String> TEMPORAL = List.of("timestamp", "timestamptz", "time", "timetz");

	private PostgresTypes() {
	}

	/**
	 * Parse a type as written in DDL or as returned by {@code format_type}.
	 * @param sql the type
	 * @return the canonical type
	 */
	static ColumnType parse(String sql) {
		String text = sql.trim().replaceAll("\\s+", " ");
		boolean array = false;
		Matcher arraySuffix = ARRAY_SUFFIX.matcher(text);
		if (arraySuffix.find()) {
			array = true;
			text = text.substring(0, arraySuffix.start()).trim();
		}
		if (text.startsWith("_")) {
			// The catalog's name of an array type, e.g. _int4.
			array = true;
			text = text.substring(1);
		}
		if (text.contains("\"")) {
			return new ColumnType(unquote(text), List.of(), array);
		}
		text = text.toLowerCase(Locale.ROOT);
		Matcher matcher = TYPE.matcher(text);
		if (!matcher.matches()) {
			return new ColumnType(text, List.of(), array);
		}
		String name = matcher.group("name").trim();
		List<Integer> arguments = arguments(matcher.group("args"));
		boolean withTimeZone = "with time zone".equals(matcher.group("zone"));
		name = canonicalName(name, withTimeZone, arguments);
		if (name.equals("float4") || name.equals("float8")) {
			arguments = List.of();
		}
		if (name.equals("bpchar") && arguments.isEmpty() && !text.startsWith("bpchar")) {
			arguments = List.of(1);
		}
		if ((TEMPORAL.contains(name) || name.startsWith("interval")) && arguments.isEmpty()) {
			arguments = List.of(6);
		}
		return new ColumnType(name, arguments, array);
	}

	private static String canonicalName(String name, boolean withTimeZone, List<Integer> arguments) {
		if (name.equals("float")) {
			return (!arguments.isEmpty() && arguments.get(0) <= 24) ? "float4" : "float8";
		}
		if (name.equals("timestamp") || name.equals("timestamptz")) {
			return (withTimeZone || name.equals("timestamptz")) ? "timestamptz" : "timestamp";
		}
		if (name.equals("time") || name.equals("timetz")) {
			return (withTimeZone || name.equals("timetz")) ? "timetz" : "time";
		}
		return SYNONYMS.getOrDefault(name, name);
	}

	private static List<Integer> arguments(String args) {
		List<Integer> arguments = new ArrayList<>();
		if (args != null) {
			for (String arg : args.split(",")) {
				if (!arg.isBlank()) {
					arguments.add(Integer.parseInt(arg.trim()));
				}
			}
		}
		return arguments;
	}

	private static String unquote(String text) {
		// "schema"."Type" or "Type": keep the case, drop the quotes.
		return text.replace("\"", "");
	}

	private static final Map<String, String> SQL_NAMES = Map.of("int2", "smallint", "int4", "integer", "int8", "bigint",
			"float4", "real", "float8", "double precision", "bool", "boolean", "bpchar", "character");

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

	private static final java.util.Set<String> RESERVED = java.util.Set.of("all", "analyse", "analyze", "and", "any",
			"array", "as", "asc", "asymmetric", "authorization", "between", "binary", "both", "case", "cast", "check",
			"collate", "column", "constraint", "create", "cross", "current_date", "current_role", "current_time",
			"current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
			"except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike",
			"in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left",
			"like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only",
			"or", "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
			"session_user", "similar", "some", "symmetric", "table", "then", "to", "trailing", "true", "union",
			"unique", "user", "using", "variadic", "verbose", "when", "where", "window", "with");

	/**
	 * Spell a canonical type as DDL.
	 */
	static String sql(ColumnType type) {
		String name = type.name();
		String args = type.arguments().isEmpty() ? ""
				: type.arguments()
					.stream()
					.map(String::valueOf)
					.collect(java.util.stream.Collectors.joining(",", "(", ")"));
		String sql;
		if (name.contains(".")) {
			String[] parts = name.split("\\.", 2);
			sql = quote(parts[0]) + "." + quote(parts[1]);
		}
		else if (name.equals("timestamptz") || name.equals("timetz")) {
			sql = name.substring(0, name.length() - 2) + args + " with time zone";
		}
		else if (name.equals("timestamp") || name.equals("time")) {
			sql = name + args + " without time zone";
		}
		else {
			sql = SQL_NAMES.getOrDefault(name, name) + args;
		}
		return type.array() ? sql + "[]" : sql;
	}

	/**
	 * Quote an identifier unless PostgreSQL would keep it as it is.
	 */
	static String quote(String identifier) {
		if (PLAIN_IDENTIFIER.matcher(identifier).matches() && !RESERVED.contains(identifier)) {
			return identifier;
		}
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	/**
	 * Return text as a string literal.
	 */
	static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

}

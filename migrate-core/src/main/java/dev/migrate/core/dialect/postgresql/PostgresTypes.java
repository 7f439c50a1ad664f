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

}

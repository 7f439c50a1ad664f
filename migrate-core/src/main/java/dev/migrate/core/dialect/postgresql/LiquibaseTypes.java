package dev.migrate.core.dialect.postgresql;

import java.util.Optional;
import java.util.Set;

import dev.migrate.core.schema.ColumnType;

/**
 * The column types that survive Liquibase's own type translation on PostgreSQL unchanged.
 * Liquibase 5.0 rewrites others ({@code numeric(10,2) array} loses its array,
 * {@code interval second(6)} gets its precision twice, quoted type names are
 * upper-cased); changes with such types are written as SQL instead.
 */
final class LiquibaseTypes {

	private static final Set<String> SCALARS = Set.of("int2", "int4", "int8", "float4", "float8", "bool", "varchar",
			"bpchar", "text", "bytea", "uuid", "json", "jsonb", "numeric", "date", "timestamp", "timestamptz", "time",
			"timetz", "oid");

	private static final Set<String> ARRAYS_WITHOUT_ARGUMENTS = Set.of("int2", "int4", "int8", "float4", "float8",
			"bool", "text", "uuid", "date", "bytea", "json", "jsonb");

	private static final Set<String> ARRAYS_WITH_ARGUMENTS = Set.of("varchar", "bpchar", "timestamp", "timestamptz",
			"time", "timetz");

	private LiquibaseTypes() {
	}

	/**
	 * Return the spelling of a type that Liquibase keeps as it is, if there is one.
	 */
	static Optional<String> spelling(ColumnType type) {
		String name = type.name();
		if (name.contains(".")) {
			// Liquibase upper-cases type names: only names PostgreSQL folds back are
			// safe.
			boolean folds = name.matches("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*") && !type.array();
			return folds ? Optional.of(PostgresTypes.sql(type)) : Optional.empty();
		}
		if (!type.array()) {
			return SCALARS.contains(name) ? Optional.of(PostgresTypes.sql(type)) : Optional.empty();
		}
		ColumnType element = new ColumnType(name, type.arguments(), false);
		if (ARRAYS_WITHOUT_ARGUMENTS.contains(name) && type.arguments().isEmpty()) {
			return Optional.of(PostgresTypes.sql(element) + "[]");
		}
		if (ARRAYS_WITH_ARGUMENTS.contains(name)) {
			return Optional.of(PostgresTypes.sql(element) + " array");
		}
		return Optional.empty();
	}

}

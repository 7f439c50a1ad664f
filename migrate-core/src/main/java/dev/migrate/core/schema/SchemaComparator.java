package dev.migrate.core.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Compares two schemas and describes every difference in a line a person can read.
 * Constraints and indexes are matched by what they do, not by their names, because the
 * same constraint is named differently by Hibernate's metadata and by the database.
 */
public final class SchemaComparator {

	private SchemaComparator() {
	}

	/**
	 * Describe how {@code actual} differs from {@code expected}.
	 * @param expected the schema that should be there (e.g. from the entities)
	 * @param actual the schema that is there (e.g. from the database)
	 * @return one line per difference; empty when the schemas are equivalent
	 */
	public static List<String> differences(Schema expected, Schema actual) {
		List<String> differences = new ArrayList<>();
		compareByKey(differences, "table", expected.tables(), actual.tables(), Table::name,
				(e, a) -> compareTables(differences, e, a));
		compareByKey(differences, "sequence", expected.sequences(), actual.sequences(), Sequence::name,
				(e, a) -> compareValues(differences, "sequence " + e.name(), e, a));
		compareByKey(differences, "enum type", expected.enumTypes(), actual.enumTypes(), EnumType::name,
				(e, a) -> compareValues(differences, "labels of enum type " + e.name(), e.labels(), a.labels()));
		return differences;
	}

	private static void compareTables(List<String> differences, Table expected, Table actual) {
		String table = "table " + expected.name();
		compareByKey(differences, table + ": column", expected.columns(), actual.columns(), Column::name,
				(e, a) -> compareColumns(differences, table + ", column " + e.name(), e, a));
		compareValues(differences, table + ": primary key", columnsOf(expected.primaryKey()),
				columnsOf(actual.primaryKey()));
		compareByKey(differences, table + ": unique constraint", expected.uniqueConstraints(),
				actual.uniqueConstraints(), UniqueConstraint::identity, (e, a) -> {
				});
		compareByKey(differences, table + ": index", expected.indexes(), actual.indexes(), Index::identity, (e, a) -> {
		});
		compareByKey(differences, table + ": foreign key", expected.foreignKeys(), actual.foreignKeys(),
				ForeignKey::identity, (e, a) -> {
				});
		compareByKey(differences, table + ": check", expected.checks(), actual.checks(), CheckConstraint::expression,
				(e, a) -> {
				});
		compareValues(differences, table + ": comment", expected.comment(), actual.comment());
	}

	private static void compareColumns(List<String> differences, String column, Column expected, Column actual) {
		compareValues(differences, column + ": type", expected.type(), actual.type());
		compareValues(differences, column + ": nullable", expected.nullable(), actual.nullable());
		compareValues(differences, column + ": default", expected.defaultValue(), actual.defaultValue());
		compareValues(differences, column + ": identity", expected.identity(), actual.identity());
		compareValues(differences, column + ": comment", expected.comment(), actual.comment());
	}

	private static @Nullable List<String> columnsOf(@Nullable PrimaryKey primaryKey) {
		return (primaryKey != null) ? primaryKey.columns() : null;
	}

	private static void compareValues(List<String> differences, String what, @Nullable Object expected,
			@Nullable Object actual) {
		if (!Objects.equals(expected, actual)) {
			differences.add(what + " is " + actual + ", expected " + expected);
		}
	}

	private static <T> void compareByKey(List<String> differences, String what, List<T> expected, List<T> actual,
			Function<T, Object> key, Matched<T> matched) {
		Map<Object, T> actualByKey = index(actual, key);
		Map<Object, T> expectedByKey = index(expected, key);
		expectedByKey.forEach((k, e) -> {
			T a = actualByKey.get(k);
			if (a == null) {
				differences.add(what + " missing: " + e);
			}
			else {
				matched.compare(e, a);
			}
		});
		actualByKey.forEach((k, a) -> {
			if (!expectedByKey.containsKey(k)) {
				differences.add(what + " unexpected: " + a);
			}
		});
	}

	private static <T> Map<Object, T> index(List<T> items, Function<T, Object> key) {
		Map<Object, T> byKey = new LinkedHashMap<>();
		items.forEach((item) -> byKey.put(key.apply(item), item));
		return byKey;
	}

	@FunctionalInterface
	private interface Matched<T> {

		void compare(T expected, T actual);

	}

}

package dev.migrate.core.dialect.postgresql;

import java.util.List;

import dev.migrate.core.diff.Classification;
import dev.migrate.core.diff.TypeChangeClassifier;
import dev.migrate.core.schema.ColumnType;

/**
 * Classifies a column type change on PostgreSQL: widening without a rewrite is safe,
 * widening with a rewrite locks, anything else may lose data.
 */
final class PostgresTypeChanges implements TypeChangeClassifier {

	static final PostgresTypeChanges INSTANCE = new PostgresTypeChanges();

	private static final List<String> INTEGERS = List.of("int2", "int4", "int8");

	private static final List<String> TEXTUAL = List.of("varchar", "text");

	private PostgresTypeChanges() {
	}

	@Override
	public String toString() {
		return "PostgreSQL type changes";
	}

	@Override
	public Classification classify(ColumnType from, ColumnType to) {
		if (from.array() != to.array()) {
			return Classification.destructive("changes between array and scalar; values may not convert");
		}
		String a = from.name();
		String b = to.name();
		if (TEXTUAL.contains(a) && TEXTUAL.contains(b)) {
			return (wider(from, to)) ? Classification.safe("widens a text column without a rewrite")
					: Classification.destructive("narrows a text column; longer values fail or are lost");
		}
		if (a.equals("numeric") && b.equals("numeric")) {
			return numeric(from, to);
		}
		if (INTEGERS.contains(a) && INTEGERS.contains(b)) {
			return (INTEGERS.indexOf(b) > INTEGERS.indexOf(a))
					? Classification.locking("widens an integer column, which rewrites the table")
					: Classification.destructive("narrows an integer column; large values fail");
		}
		if (a.equals("float4") && b.equals("float8")) {
			return Classification.locking("widens a floating-point column, which rewrites the table");
		}
		if (a.equals(b) && (a.startsWith("timestamp") || a.startsWith("time"))) {
			return (argument(to, 0, 6) >= argument(from, 0, 6))
					? Classification.safe("raises the fractional-second precision")
					: Classification.destructive("lowers the fractional-second precision; values are rounded");
		}
		if ((a.equals("timestamp") && b.equals("timestamptz")) || (a.equals("timestamptz") && b.equals("timestamp"))) {
			return Classification.locking("reinterprets timestamps in the session time zone and rewrites the table");
		}
		return Classification.destructive("converts " + from + " to " + to + "; values may not convert");
	}

	private static Classification numeric(ColumnType from, ColumnType to) {
		if (to.arguments().isEmpty()) {
			return Classification.safe("removes the numeric precision limit");
		}
		if (from.arguments().isEmpty()) {
			return Classification.destructive("limits an unlimited numeric column; values may be rounded or fail");
		}
		int fromScale = argument(from, 1, 0);
		int toScale = argument(to, 1, 0);
		boolean wider = argument(to, 0, 0) - toScale >= argument(from, 0, 0) - fromScale && toScale >= fromScale;
		if (!wider) {
			return Classification.destructive("narrows a numeric column; values may be rounded or fail");
		}
		return (toScale == fromScale) ? Classification.safe("raises the numeric precision without a rewrite")
				: Classification.locking("raises the numeric scale, which rewrites the table");
	}

	private static boolean wider(ColumnType from, ColumnType to) {
		if (to.arguments().isEmpty()) {
			return true;
		}
		return !from.arguments().isEmpty() && to.arguments().get(0) >= from.arguments().get(0);
	}

	private static int argument(ColumnType type, int index, int otherwise) {
		return (type.arguments().size() > index) ? type.arguments().get(index) : otherwise;
	}

}

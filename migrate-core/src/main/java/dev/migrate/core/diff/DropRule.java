package dev.migrate.core.diff;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Table;
import org.jspecify.annotations.Nullable;

/**
 * Whether an index or constraint that only the database has on an altered table may be
 * dropped: a generated revision created it, the options allow it, or it covers a column
 * this diff drops (which would take it along anyway; dropped on its own, a rollback
 * restores it).
 */
final class DropRule {

	private final DiffOptions options;

	private final QualifiedName table;

	private final List<String> droppedColumns;

	private final List<String> columns;

	DropRule(DiffOptions options, QualifiedName table, Table current, Table desired) {
		this.options = options;
		this.table = table;
		this.columns = Stream.concat(current.columns().stream(), desired.columns().stream())
			.map(Column::name)
			.distinct()
			.toList();
		this.droppedColumns = current.columns()
			.stream()
			.map(Column::name)
			.filter((column) -> desired.column(column).isEmpty())
			.toList();
	}

	boolean mayDrop(@Nullable String name, List<String> columns) {
		return this.options.mayDropUnmapped(this.table, name)
				|| columns.stream().anyMatch(this.droppedColumns::contains);
	}

	/** The dropped columns an expression names. */
	List<String> mentioned(String expression) {
		return named(this.droppedColumns, expression);
	}

	/**
	 * The table's columns an expression names, e.g. of a check on an enum's column whose
	 * labels changed: the same columns (not none), another condition.
	 */
	Set<String> columnsOf(String expression) {
		Set<String> named = new TreeSet<>(named(this.columns, expression));
		return named.isEmpty() ? Set.of("(none of " + expression + ")") : named;
	}

	private static List<String> named(List<String> columns, String expression) {
		return columns.stream()
			.filter((column) -> Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(column) + "\"?(?![\\w$])")
				.matcher(expression)
				.find())
			.toList();
	}

}

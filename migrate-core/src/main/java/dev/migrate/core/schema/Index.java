package dev.migrate.core.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An index that does not back a primary key or unique constraint. It is identified by
 * what it does (its keys, uniqueness and predicate); the name is informational.
 *
 * @param name the index name, or {@code null} if the database chooses it
 * @param keys the indexed columns or expressions, in order
 * @param unique whether the index is unique
 * @param predicate the partial index predicate, or {@code null}
 */
public record Index(@Nullable String name, List<Key> keys, boolean unique, @Nullable String predicate) {

	public Index {
		keys = List.copyOf(keys);
	}

	/**
	 * Return what identifies this index.
	 * @return the identity
	 */
	public Object identity() {
		return List.of(this.keys, this.unique, String.valueOf(this.predicate));
	}

	/**
	 * One key of an index.
	 *
	 * @param expression a column name, or an expression in canonical form
	 * @param descending whether the key sorts descending
	 */
	public record Key(String expression, boolean descending) {

		@Override
		public String toString() {
			return this.expression + (this.descending ? " desc" : "");
		}

	}

}

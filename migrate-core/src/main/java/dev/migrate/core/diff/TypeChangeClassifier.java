package dev.migrate.core.diff;

import dev.migrate.core.schema.ColumnType;

/**
 * How a database takes a change of a column's type: without a rewrite, with one (and its
 * lock), or at the risk of values that do not convert. Each dialect has its own.
 */
@FunctionalInterface
public interface TypeChangeClassifier {

	/**
	 * Classify a change of a column's type.
	 * @param from the current type
	 * @param to the new type
	 * @return the classification
	 */
	Classification classify(ColumnType from, ColumnType to);

}

package dev.migrate.core.diff;

/**
 * What the differ needs to know about the database a diff is for: the names it gives
 * constraints and indexes the entities leave unnamed, and how it takes a change of a
 * column's type. A dialect provides both.
 */
public interface DatabaseRules {

	/**
	 * Return the names this database gives unnamed constraints and indexes.
	 * @return the naming rules
	 */
	Naming naming();

	/**
	 * Return how this database takes a change of a column's type.
	 * @return the classifier of type changes
	 */
	TypeChangeClassifier typeChanges();

}

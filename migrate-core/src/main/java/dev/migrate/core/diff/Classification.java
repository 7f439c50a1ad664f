package dev.migrate.core.diff;

/**
 * A change's safety class and the reason a reviewer can read.
 *
 * @param safety the safety class
 * @param reason why the change has that class
 */
public record Classification(Safety safety, String reason) {

	/**
	 * Return a classification of this safety class.
	 * @param reason why
	 * @return the classification
	 */
	public static Classification safe(String reason) {
		return new Classification(Safety.SAFE, reason);
	}

	/**
	 * Return a classification of this safety class.
	 * @param reason why
	 * @return the classification
	 */
	public static Classification locking(String reason) {
		return new Classification(Safety.LOCKING, reason);
	}

	/**
	 * Return a classification of this safety class.
	 * @param reason why
	 * @return the classification
	 */
	public static Classification dataDependent(String reason) {
		return new Classification(Safety.DATA_DEPENDENT, reason);
	}

	/**
	 * Return a classification of this safety class.
	 * @param reason why
	 * @return the classification
	 */
	public static Classification destructive(String reason) {
		return new Classification(Safety.DESTRUCTIVE, reason);
	}

}

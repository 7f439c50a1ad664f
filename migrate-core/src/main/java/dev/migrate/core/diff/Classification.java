package dev.migrate.core.diff;

/**
 * A change's safety class and the reason a reviewer can read.
 *
 * @param safety the safety class
 * @param reason why the change has that class
 */
public record Classification(Safety safety, String reason) {

	static Classification safe(String reason) {
		return new Classification(Safety.SAFE, reason);
	}

	static Classification locking(String reason) {
		return new Classification(Safety.LOCKING, reason);
	}

	static Classification dataDependent(String reason) {
		return new Classification(Safety.DATA_DEPENDENT, reason);
	}

	static Classification destructive(String reason) {
		return new Classification(Safety.DESTRUCTIVE, reason);
	}

}

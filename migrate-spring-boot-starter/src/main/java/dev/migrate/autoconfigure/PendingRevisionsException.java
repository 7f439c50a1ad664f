package dev.migrate.autoconfigure;

import dev.migrate.core.exception.MigrationException;

/**
 * Thrown at startup in {@code validate} mode when revisions are pending.
 */
class PendingRevisionsException extends MigrationException {

	PendingRevisionsException(String message) {
		super(message);
	}

}

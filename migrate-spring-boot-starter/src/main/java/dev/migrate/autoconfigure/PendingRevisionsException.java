package dev.migrate.autoconfigure;

import dev.migrate.core.exception.MigrateException;

/**
 * Thrown at startup in {@code validate} mode when revisions are pending.
 */
class PendingRevisionsException extends MigrateException {

	PendingRevisionsException(String message) {
		super(message);
	}

}

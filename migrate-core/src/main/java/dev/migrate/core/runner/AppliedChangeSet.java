package dev.migrate.core.runner;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A changeset recorded as applied in {@code DATABASECHANGELOG}.
 *
 * @param file the (logical) file
 * @param id the changeset id
 * @param author the author
 * @param executedAt when it was applied
 * @param order its place in the order of execution
 * @param execType how it was recorded ({@code EXECUTED}, {@code MARK_RAN}, ...)
 * @param tag the tag set on it, or {@code null}
 */
public record AppliedChangeSet(String file, String id, String author, Instant executedAt, int order, String execType,
		@Nullable String tag) {

	String key() {
		return Changelog.key(this.file, this.id, this.author);
	}

}

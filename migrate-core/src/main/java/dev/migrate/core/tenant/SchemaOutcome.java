package dev.migrate.core.tenant;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a run did to one tenant schema.
 *
 * @param schema the schema
 * @param successful whether the run succeeded
 * @param applied how many changesets the run applied
 * @param revisions how many revisions the schema has applied after the run
 * @param pending how many revisions are still pending that an upgrade would apply
 * @param heldBack how many pending revisions are held back (destructive ones, not
 * allowed)
 * @param current the newest applied revision, if any
 * @param unchanged whether nothing had changed since the schema's last complete upgrade,
 * found without Liquibase
 * @param started when the run on this schema started
 * @param duration how long it took
 * @param error why it failed, if it did
 */
public record SchemaOutcome(String schema, boolean successful, int applied, int revisions, int pending, int heldBack,
		@Nullable String current, boolean unchanged, Instant started, Duration duration, @Nullable String error) {

}

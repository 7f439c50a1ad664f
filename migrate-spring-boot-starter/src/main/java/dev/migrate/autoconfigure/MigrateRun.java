package dev.migrate.autoconfigure;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of Migrate's last run at startup.
 *
 * @param mode the mode that ran
 * @param started when it started
 * @param duration how long it took
 * @param successful whether it succeeded
 * @param generated the revision file it wrote, or {@code null}
 * @param applied how many changesets it applied
 * @param error the error, or {@code null}
 */
public record MigrateRun(MigrateProperties.Mode mode, Instant started, Duration duration, boolean successful,
		@Nullable String generated, int applied, @Nullable String error) {

}

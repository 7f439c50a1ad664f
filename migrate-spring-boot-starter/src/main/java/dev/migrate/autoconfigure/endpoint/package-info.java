/**
 * Migrate's actuator endpoint, {@code /actuator/migrate}, and the auto-configuration of
 * the endpoint, the health indicator and the metrics.
 */
@NullMarked
package dev.migrate.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;

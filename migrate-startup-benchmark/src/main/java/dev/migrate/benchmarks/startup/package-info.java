/**
 * A harness that measures what a migration tool adds to a Spring Boot application's start
 * when nothing is pending.
 */
@NullMarked
package dev.migrate.benchmarks.startup;

import org.jspecify.annotations.NullMarked;

/**
 * JMH benchmarks of Migrate's engine and the generator of the large schemas they run on.
 */
@NullMarked
package dev.migrate.benchmarks;

import org.jspecify.annotations.NullMarked;

/**
 * Turns diffs into Liquibase changesets and revision files, written by Liquibase's own
 * serializers.
 */
@NullMarked
package dev.migrate.core.changelog;

import org.jspecify.annotations.NullMarked;

/**
 * Annotations an application puts on its entities to tell Migrate what the mapping alone
 * cannot say: where a table or column was renamed from (JPA and Spring Data), and unique
 * constraints, indexes and column defaults of tables derived from Spring Data Relational
 * mappings.
 */
@NullMarked
package dev.migrate.mapping;

import org.jspecify.annotations.NullMarked;

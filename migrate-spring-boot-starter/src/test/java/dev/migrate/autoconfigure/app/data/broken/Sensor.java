package dev.migrate.autoconfigure.app.data.broken;

import java.net.URI;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A property whose type Spring Data writes as it is, but that has no PostgreSQL column
 * type.
 */
@Table
public record Sensor(@Id Long id, URI endpoint) {

}

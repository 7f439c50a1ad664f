package dev.migrate.autoconfigure.app.r2dbc.v1;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * An entity of an R2DBC application: Jakarta Persistence annotations describe its table
 * for Migrate; the application reads and writes it with R2DBC.
 */
@Entity
public class Note {

	@Id
	Long id;

	@Column(nullable = false, length = 200)
	String text;

	Instant createdAt;

}

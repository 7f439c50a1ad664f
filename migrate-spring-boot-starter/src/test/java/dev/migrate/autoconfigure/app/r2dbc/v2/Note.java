package dev.migrate.autoconfigure.app.r2dbc.v2;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * The note of v1, pinnable.
 */
@Entity
public class Note {

	@Id
	Long id;

	@Column(nullable = false, length = 200)
	String text;

	Instant createdAt;

	Boolean pinned;

}

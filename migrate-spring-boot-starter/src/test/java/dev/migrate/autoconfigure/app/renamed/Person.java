package dev.migrate.autoconfigure.app.renamed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * The v2 entity with its field {@code bio} renamed to {@code about}.
 */
@Entity
public class Person {

	@Id
	@GeneratedValue
	Long id;

	@Column(nullable = false, length = 100)
	String fullName;

	String about;

}

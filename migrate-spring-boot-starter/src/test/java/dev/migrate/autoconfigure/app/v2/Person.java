package dev.migrate.autoconfigure.app.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * The same entity as in v1, with a biography added.
 */
@Entity
public class Person {

	@Id
	@GeneratedValue
	Long id;

	@Column(nullable = false, length = 100)
	String fullName;

	String bio;

}

package dev.migrate.autoconfigure.app.indexed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * The person of v1, looked up by name: an index that online mode builds concurrently.
 */
@Entity
@Table(indexes = @Index(columnList = "fullName"))
public class Person {

	@Id
	@GeneratedValue
	Long id;

	@Column(nullable = false, length = 100)
	String fullName;

}

package dev.migrate.autoconfigure.app.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Person {

	@Id
	@GeneratedValue
	Long id;

	@Column(nullable = false, length = 100)
	String fullName;

}

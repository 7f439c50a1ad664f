package dev.migrate.autoconfigure.app.clinic;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.validation.constraints.NotBlank;

@MappedSuperclass
public class Person extends BaseEntity {

	@Column(name = "first_name")
	@NotBlank
	String firstName;

	@Column(name = "last_name")
	@NotBlank
	String lastName;

}

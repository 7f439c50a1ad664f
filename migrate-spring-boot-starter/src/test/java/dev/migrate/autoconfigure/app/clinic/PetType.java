package dev.migrate.autoconfigure.app.clinic;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;

@Entity
@Table(name = "types")
public class PetType extends BaseEntity {

	@NotBlank
	String name;

}

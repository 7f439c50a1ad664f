package dev.migrate.autoconfigure.app.clinic;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Entity
@Table(name = "pets")
public class Pet extends BaseEntity {

	@NotEmpty
	@Size(max = 30)
	String name;

	@Column(name = "birth_date")
	@NotNull
	LocalDate birthDate;

	@ManyToOne
	@JoinColumn(name = "type_id")
	@NotNull
	PetType type;

}

package dev.migrate.autoconfigure.app.clinic;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Entity
@Table(name = "owners")
public class Owner extends Person {

	@Column(name = "address")
	@NotBlank
	String address;

	@NotBlank
	@Size(max = 80)
	String city;

	@NotBlank
	@Pattern(regexp = "\\d{10}")
	String telephone;

	@Email
	@Size(max = 145)
	@Column(length = 45)
	String email;

	@OneToMany(cascade = CascadeType.ALL)
	@JoinColumn(name = "owner_id")
	List<Pet> pets = new ArrayList<>();

}

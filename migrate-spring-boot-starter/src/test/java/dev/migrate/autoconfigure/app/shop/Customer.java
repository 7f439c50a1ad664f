package dev.migrate.autoconfigure.app.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Customer {

	@Id
	@GeneratedValue
	Long id;

	@Column(nullable = false, unique = true)
	String email;

	@Column(length = 100)
	String name;

}

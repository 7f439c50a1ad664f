package dev.migrate.autoconfigure.app.multi.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A customer, in the customers database.
 */
@Entity
public class Customer {

	@Id
	Long id;

	@Column(nullable = false, length = 100)
	String name;

	String email;

	protected Customer() {
	}

}

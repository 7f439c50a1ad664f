package dev.migrate.shop.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * A customer, in the customers database.
 */
@Entity
public class Customer {

	@Id
	private @Nullable Long id;

	@Column(nullable = false, length = 100)
	private String name = "";

	private @Nullable String email;

	protected Customer() {
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

}

package dev.migrate.shop.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * An invoice, in the orders database.
 */
@Entity
public class Invoice {

	@Id
	private @Nullable Long id;

	@Column(nullable = false, length = 40)
	private String number = "";

	protected Invoice() {
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getNumber() {
		return this.number;
	}

}

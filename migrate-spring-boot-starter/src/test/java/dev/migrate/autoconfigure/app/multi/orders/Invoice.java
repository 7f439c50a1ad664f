package dev.migrate.autoconfigure.app.multi.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * An invoice, in the orders database.
 */
@Entity
public class Invoice {

	@Id
	Long id;

	@Column(nullable = false, length = 40)
	String number;

	protected Invoice() {
	}

}

package dev.migrate.autoconfigure.app.data.jdbc.v3;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.migrate.mapping.Indexed;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An aggregate of a Spring Data JDBC application: its lines are an ordered
 * {@code @MappedCollection} (a child table with a back-reference and a key column), its
 * labels a set, its shipping address an embedded value.
 */
@Table
public class PurchaseOrder {

	@Id
	@Nullable Long id;

	@NotBlank
	@Indexed(name = "purchase_order_by_customer")
	String customer;

	@Nullable LocalDate placedOn;

	@Embedded.Nullable(prefix = "ship_")
	@Nullable Address shipTo;

	@MappedCollection(idColumn = "purchase_order", keyColumn = "position")
	List<OrderLine> lines;

	Set<Label> labels;

	@Version
	int version;

	public PurchaseOrder(String customer, @Nullable Address shipTo, List<OrderLine> lines, Set<Label> labels) {
		this.customer = customer;
		this.shipTo = shipTo;
		this.lines = lines;
		this.labels = labels;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public List<OrderLine> getLines() {
		return this.lines;
	}

	public record Address(String street, String city) {

	}

	public record Label(String name) {

	}

}

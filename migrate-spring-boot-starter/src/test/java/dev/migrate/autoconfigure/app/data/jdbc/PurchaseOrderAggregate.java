package dev.migrate.autoconfigure.app.data.jdbc;

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

/**
 * An aggregate of a Spring Data JDBC application: its lines are an ordered
 * {@code @MappedCollection} (a child table with a back-reference and a key column), its
 * labels a set, its shipping address an embedded value. Each version of the application
 * (package {@code v1}, {@code v2}, ...) maps it as its {@code PurchaseOrder} with its own
 * line type: only the lines change from one version to the next.
 *
 * @param <L> the version's order line
 */
public abstract class PurchaseOrderAggregate<L> {

	@Id
	@Nullable Long id;

	@NotBlank
	@Indexed(name = "purchase_order_by_customer")
	String customer;

	@Nullable LocalDate placedOn;

	@Embedded.Nullable(prefix = "ship_")
	@Nullable Address shipTo;

	@MappedCollection(idColumn = "purchase_order", keyColumn = "position")
	List<L> lines;

	Set<Label> labels;

	@Version
	int version;

	protected PurchaseOrderAggregate(String customer, @Nullable Address shipTo, List<L> lines, Set<Label> labels) {
		this.customer = customer;
		this.shipTo = shipTo;
		this.lines = lines;
		this.labels = labels;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public List<L> getLines() {
		return this.lines;
	}

	/**
	 * Where an order is shipped.
	 *
	 * @param street the street
	 * @param city the city
	 */
	public record Address(String street, String city) {
	}

	/**
	 * A label of an order.
	 *
	 * @param name the label
	 */
	public record Label(String name) {
	}

}

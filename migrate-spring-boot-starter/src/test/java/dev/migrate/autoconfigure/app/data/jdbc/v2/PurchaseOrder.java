package dev.migrate.autoconfigure.app.data.jdbc.v2;

import java.util.List;
import java.util.Set;

import dev.migrate.autoconfigure.app.data.jdbc.PurchaseOrderAggregate;
import org.jspecify.annotations.Nullable;

import org.springframework.data.relational.core.mapping.Table;

/**
 * The order of this version of the application, with this version's {@link OrderLine}.
 */
@Table
public class PurchaseOrder extends PurchaseOrderAggregate<OrderLine> {

	public PurchaseOrder(String customer, @Nullable Address shipTo, List<OrderLine> lines, Set<Label> labels) {
		super(customer, shipTo, lines, labels);
	}

}

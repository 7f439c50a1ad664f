package dev.migrate.autoconfigure.app.data.jdbc.v1;

/**
 * A line of a {@link PurchaseOrder}: no id of its own, its table is keyed by the order
 * and the position.
 */
public record OrderLine(String product, int quantity) {

}

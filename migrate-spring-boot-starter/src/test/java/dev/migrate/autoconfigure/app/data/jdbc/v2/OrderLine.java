package dev.migrate.autoconfigure.app.data.jdbc.v2;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import org.jspecify.annotations.Nullable;

/**
 * The line of v1, priced.
 */
public record OrderLine(String product, int quantity, @Digits(integer = 10, fraction = 2) @Nullable BigDecimal price) {

}

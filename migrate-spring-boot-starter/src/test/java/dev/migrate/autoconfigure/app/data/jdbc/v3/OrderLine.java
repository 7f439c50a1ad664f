package dev.migrate.autoconfigure.app.data.jdbc.v3;

import java.math.BigDecimal;

import dev.migrate.mapping.Backfill;
import dev.migrate.mapping.RenamedFrom;
import jakarta.validation.constraints.Digits;
import org.jspecify.annotations.Nullable;

/**
 * The line of v2, its product renamed to item, with how much of it was shipped: the lines
 * already there were shipped in full.
 */
public record OrderLine(@RenamedFrom("product") String item, int quantity,
		@Digits(integer = 10, fraction = 2) @Nullable BigDecimal price, @Backfill("quantity") int shipped) {

}

package dev.migrate.autoconfigure.app.data.quoted;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Sequence;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Mixed-case names, which Spring Data JDBC quotes and Spring Data R2DBC does not, and an
 * id drawn from a sequence.
 */
@Table("PaymentLog")
public record PaymentLog(@Id @Sequence("payment_log_seq") @Nullable Long id,
		@Column("Amount") @Nullable BigDecimal amount) {

}

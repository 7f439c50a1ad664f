package dev.migrate.autoconfigure.app.shop;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(indexes = @Index(columnList = "placedAt"))
public class PurchaseOrder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@ManyToOne(optional = false)
	Customer customer;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	Status status;

	@Column(precision = 10, scale = 2)
	BigDecimal total;

	Instant placedAt;

	enum Status {

		OPEN, PAID, SHIPPED

	}

}

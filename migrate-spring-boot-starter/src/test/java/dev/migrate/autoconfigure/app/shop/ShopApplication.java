package dev.migrate.autoconfigure.app.shop;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A shop whose database Hibernate's {@code create} built before Migrate was added.
 */
@SpringBootApplication
public class ShopApplication {

}

package dev.migrate.autoconfigure.app.clinic;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A pet clinic modelled on Spring's sample: Bean Validation constraints on the entities,
 * which Hibernate applies to its DDL.
 */
@SpringBootApplication
public class ClinicApplication {

}

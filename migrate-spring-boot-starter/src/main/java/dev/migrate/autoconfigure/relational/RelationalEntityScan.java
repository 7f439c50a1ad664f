package dev.migrate.autoconfigure.relational;

import java.util.Collection;

import dev.migrate.relational.RelationalMappingException;

import org.springframework.boot.persistence.autoconfigure.EntityScanner;
import org.springframework.context.ApplicationContext;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The {@code @Table} classes Spring Boot finds in the entity scan packages, for
 * {@link dev.migrate.relational.RelationalAggregates} to read.
 */
public final class RelationalEntityScan {

	private RelationalEntityScan() {
	}

	/**
	 * Return the {@code @Table} classes in the entity scan packages, as Spring Boot gives
	 * them to the Spring Data mapping context.
	 * @param applicationContext the application context
	 * @return the classes
	 */
	public static Collection<Class<?>> scan(ApplicationContext applicationContext) {
		try {
			return new EntityScanner(applicationContext).scan(Table.class);
		}
		catch (ClassNotFoundException ex) {
			throw new RelationalMappingException("Cannot load a @Table class of the entity scan packages: "
					+ ex.getMessage() + ". Nothing was read from or changed in the database. Put the class (and what it"
					+ " needs) on the class path, or narrow @EntityScan to packages whose classes load, then start"
					+ " again.", ex);
		}
	}

}

package dev.migrate.relational;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.migrate.core.dialect.Dialects;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.convert.CustomConversions;
import org.springframework.data.mapping.MappingException;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;

/**
 * Reads the tables of Spring Data Relational aggregates ({@code @Table} classes) through
 * a new mapping context of the store's kind, with the application's
 * {@code NamingStrategy} and the PostgreSQL dialect's conversions. The caller builds that
 * context rather than take the application's, which Spring Data JDBC creates only after
 * connecting to the database that Migrate is to prepare first.
 */
public final class RelationalAggregates {

	private RelationalAggregates() {
	}

	/**
	 * Read the tables of the given aggregates.
	 * @param context a new mapping context of the store's kind
	 * @param conversions the store's conversions for PostgreSQL
	 * @param childTables whether the store maps entity-valued properties to child tables
	 * @param entities the {@code @Table} classes
	 * @return the tables
	 */
	public static RelationalTables read(RelationalMappingContext context, CustomConversions conversions,
			boolean childTables, Collection<Class<?>> entities) {
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		List<Class<?>> sorted = new ArrayList<>(entities);
		sorted.sort(Comparator.comparing(Class::getName));
		Set<Class<?>> referenced = new HashSet<>();
		for (Class<?> type : sorted) {
			try {
				referenced(context, context.getRequiredPersistentEntity(type), referenced);
			}
			catch (MappingException ex) {
				throw new RelationalMappingException("Spring Data cannot map " + type.getName() + ": "
						+ NestedExceptionUtils.getMostSpecificCause(ex).getMessage(), ex);
			}
		}
		// A @Table class that another one holds is a child table, read with its
		// aggregate.
		List<Class<?>> roots = sorted.stream().filter((type) -> !referenced.contains(type)).toList();
		return new RelationalSchemaReader(context, conversions, childTables, Dialects.postgresql()).read(roots);
	}

	private static void referenced(RelationalMappingContext context, RelationalPersistentEntity<?> entity,
			Set<Class<?>> referenced) {
		for (RelationalPersistentProperty property : entity) {
			if (property.isEntity() && referenced.add(property.getActualType())) {
				referenced(context, context.getRequiredPersistentEntity(property.getActualType()), referenced);
			}
		}
	}

}

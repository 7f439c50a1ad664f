package dev.migrate.hibernate;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.core.schema.QualifiedName;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Value;

/**
 * Each entity table's columns in the order the entities declare them: the identifier,
 * then the fields of the class hierarchy from the top down, each in declaration order (a
 * superclass's and a root entity's before a subclass's). Hibernate's own order is by
 * name, which puts {@code id} among the other columns of a created table.
 */
final class DeclaredColumnOrder {

	private DeclaredColumnOrder() {
	}

	static Map<QualifiedName, List<String>> of(Metadata metadata, TableMapper tables) {
		Map<QualifiedName, List<String>> order = new LinkedHashMap<>();
		List<PersistentClass> entities = new ArrayList<>(metadata.getEntityBindings());
		entities.sort(Comparator.comparingInt(DeclaredColumnOrder::depth));
		for (PersistentClass entity : entities) {
			List<String> columns = order.computeIfAbsent(tables.name(entity.getTable()), (table) -> new ArrayList<>());
			if (entity.getIdentifier() != null) {
				add(columns, entity.getIdentifier(), tables);
			}
			List<String> fields = fields(entity.getMappedClass());
			List<Property> properties = new ArrayList<>(entity.getProperties());
			properties.sort(Comparator.comparingInt((Property property) -> {
				int index = fields.indexOf(property.getName());
				return (index >= 0) ? index : Integer.MAX_VALUE;
			}));
			for (Property property : properties) {
				add(columns, property.getValue(), tables);
			}
		}
		return order;
	}

	private static void add(List<String> columns, Value value, TableMapper tables) {
		for (Selectable selectable : value.getSelectables()) {
			if (selectable instanceof org.hibernate.mapping.Column column) {
				String name = tables.columnName(column);
				if (!columns.contains(name)) {
					columns.add(name);
				}
			}
		}
	}

	/** The fields of a class and its superclasses, the topmost first. */
	private static List<String> fields(Class<?> type) {
		List<Class<?>> hierarchy = new ArrayList<>();
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			hierarchy.add(0, current);
		}
		List<String> fields = new ArrayList<>();
		for (Class<?> current : hierarchy) {
			for (Field field : current.getDeclaredFields()) {
				fields.add(field.getName());
			}
		}
		return fields;
	}

	private static int depth(PersistentClass entity) {
		int depth = 0;
		for (PersistentClass current = entity.getSuperclass(); current != null; current = current.getSuperclass()) {
			depth++;
		}
		return depth;
	}

}

package dev.migrate.hibernate;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrate.core.schema.QualifiedName;
import dev.migrate.mapping.Backfill;
import dev.migrate.mapping.RenamedFrom;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.jspecify.annotations.Nullable;

/**
 * The renames entities declare with {@link RenamedFrom}, as rename entries
 * ({@code schema.old_table=new_table}, {@code schema.table.old_column=new_column}), and
 * the values they declare with {@link Backfill}.
 */
final class DeclaredRenames {

	private DeclaredRenames() {
	}

	static List<String> of(Metadata metadata, TableMapper tables) {
		List<String> renames = new ArrayList<>();
		for (PersistentClass entity : metadata.getEntityBindings()) {
			Class<?> type = entity.getMappedClass();
			if (type == null) {
				continue;
			}
			QualifiedName table = tables.name(entity.getTable());
			RenamedFrom renamedTable = type.getAnnotation(RenamedFrom.class);
			if (renamedTable != null) {
				renames.add(new QualifiedName(table.schema(), renamedTable.value()) + "=" + table.name());
			}
			List<Property> properties = new ArrayList<>(entity.getProperties());
			if (entity.getIdentifierProperty() != null) {
				properties.add(entity.getIdentifierProperty());
			}
			for (Property property : properties) {
				RenamedFrom renamedColumn = annotation(type, property.getName());
				List<Selectable> columns = property.getSelectables();
				if (renamedColumn != null && columns.size() == 1
						&& columns.get(0) instanceof org.hibernate.mapping.Column column) {
					renames.add(table + "." + renamedColumn.value() + "=" + tables.columnName(column));
				}
			}
		}
		return renames;
	}

	/**
	 * The annotation on the property's field or getter, in the class or a superclass.
	 */
	/**
	 * Return the values entities declare with {@link Backfill} for the existing rows of a
	 * column, by {@code schema.table.column}.
	 */
	static Map<String, String> backfills(Metadata metadata, TableMapper tables) {
		Map<String, String> backfills = new LinkedHashMap<>();
		for (PersistentClass entity : metadata.getEntityBindings()) {
			Class<?> type = entity.getMappedClass();
			if (type == null) {
				continue;
			}
			for (Property property : entity.getProperties()) {
				Backfill backfill = annotation(type, property.getName(), Backfill.class);
				List<Selectable> columns = property.getSelectables();
				if (backfill != null && columns.size() == 1
						&& columns.get(0) instanceof org.hibernate.mapping.Column column) {
					backfills.put(tables.name(entity.getTable()) + "." + tables.columnName(column), backfill.value());
				}
			}
		}
		return backfills;
	}

	private static @Nullable RenamedFrom annotation(Class<?> type, String property) {
		return annotation(type, property, RenamedFrom.class);
	}

	private static <A extends Annotation> @Nullable A annotation(Class<?> type, String property, Class<A> kind) {
		String getter = Character.toUpperCase(property.charAt(0)) + property.substring(1);
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (AnnotatedElement member : members(current, property, getter)) {
				A renamed = member.getAnnotation(kind);
				if (renamed != null) {
					return renamed;
				}
			}
		}
		return null;
	}

	private static List<AnnotatedElement> members(Class<?> type, String property, String getter) {
		List<AnnotatedElement> members = new ArrayList<>();
		for (Field field : type.getDeclaredFields()) {
			if (field.getName().equals(property)) {
				members.add(field);
			}
		}
		for (Method method : type.getDeclaredMethods()) {
			String name = method.getName();
			if (method.getParameterCount() == 0 && (name.equals("get" + getter) || name.equals("is" + getter)
					|| name.toLowerCase(Locale.ROOT).equals(property.toLowerCase(Locale.ROOT)))) {
				members.add(method);
			}
		}
		return members;
	}

}

package dev.migrate.relational;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;

import java.util.function.Consumer;

import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.UniqueConstraint;
import dev.migrate.mapping.Backfill;
import dev.migrate.mapping.DatabaseDefault;
import dev.migrate.mapping.Indexed;
import dev.migrate.mapping.RenamedFrom;
import dev.migrate.mapping.Unique;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;

/**
 * What annotations on a Spring Data Relational property (or class) say about its column
 * beyond the mapping: Jakarta Validation's {@code @NotNull}, {@code @NotBlank} and
 * {@code @NotEmpty} make it NOT NULL, {@code @Size(max)} bounds a string, {@code @Digits}
 * gives a decimal's precision and scale (looked up by name, so Jakarta Validation need
 * not be on the class path); Migrate's {@code @Unique}, {@code @Indexed} and
 * {@code @DatabaseDefault} add constraints, indexes and defaults, and
 * {@code @RenamedFrom} and {@code @Backfill} say what a change keeps.
 */
final class RelationalConstraints {

	private static final String PACKAGE = "jakarta.validation.constraints.";

	private static final List<String> NOT_NULL = List.of(PACKAGE + "NotNull", PACKAGE + "NotBlank",
			PACKAGE + "NotEmpty");

	private final List<MergedAnnotations> annotations;

	private RelationalConstraints(List<MergedAnnotations> annotations) {
		this.annotations = annotations;
	}

	static RelationalConstraints ofType(Class<?> type) {
		return new RelationalConstraints(List.of(MergedAnnotations.from(type)));
	}

	static RelationalConstraints none() {
		return new RelationalConstraints(List.of());
	}

	static RelationalConstraints of(RelationalPersistentProperty property) {
		List<AnnotatedElement> elements = new ArrayList<>();
		if (property.getField() != null) {
			elements.add(property.getField());
		}
		if (property.getGetter() != null) {
			elements.add(property.getGetter());
		}
		return new RelationalConstraints(elements.stream().map(MergedAnnotations::from).toList());
	}

	boolean notNull() {
		return NOT_NULL.stream().anyMatch(this::present);
	}

	@Nullable Integer maxLength() {
		MergedAnnotation<?> size = find(PACKAGE + "Size");
		if (size == null) {
			return null;
		}
		int max = size.getInt("max");
		return (max == Integer.MAX_VALUE) ? null : max;
	}

	int @Nullable [] digits() {
		MergedAnnotation<?> digits = find(PACKAGE + "Digits");
		if (digits == null) {
			return null;
		}
		int fraction = digits.getInt("fraction");
		return new int[] { digits.getInt("integer") + fraction, fraction };
	}

	@Nullable String defaultValue() {
		MergedAnnotation<?> value = find(DatabaseDefault.class.getName());
		if (value == null) {
			// The deprecated name, still read.
			value = find("dev.migrate.mapping.ColumnDefault");
		}
		return (value != null) ? value.getString("value") : null;
	}

	/**
	 * Return the old name {@code @RenamedFrom} gives the column (on a property) or the
	 * table (on a class).
	 */
	@Nullable String renamedFrom() {
		MergedAnnotation<?> renamed = find(RenamedFrom.class.getName());
		return (renamed != null) ? renamed.getString("value") : null;
	}

	/**
	 * Return the value {@code @Backfill} gives the existing rows.
	 */
	@Nullable String backfill() {
		MergedAnnotation<?> backfill = find(Backfill.class.getName());
		return (backfill != null) ? backfill.getString("value") : null;
	}

	/**
	 * Add the {@code @Unique} and {@code @Indexed} of a property over its column.
	 */
	void addTo(List<UniqueConstraint> uniques, List<Index> indexes, String column) {
		// A record component's annotation is on both its field and its accessor.
		for (MergedAnnotations candidates : this.annotations) {
			candidates.stream(Unique.class)
				.map((unique) -> new UniqueConstraint(name(unique), List.of(column)))
				.filter((unique) -> !uniques.contains(unique))
				.forEach(uniques::add);
			candidates.stream(Indexed.class)
				.map((index) -> new Index(name(index), List.of(new Index.Key(column, false)), false, null))
				.filter((index) -> !indexes.contains(index))
				.forEach(indexes::add);
		}
	}

	/**
	 * Add the {@code @Unique} and {@code @Indexed} of a class over the columns they name,
	 * each of which {@code check} accepts.
	 */
	void addTo(List<UniqueConstraint> uniques, List<Index> indexes, Consumer<String> check) {
		for (MergedAnnotations candidates : this.annotations) {
			candidates.stream(Unique.class).forEach((unique) -> {
				List<String> columns = columns(unique, check);
				uniques.add(new UniqueConstraint(name(unique), columns));
			});
			candidates.stream(Indexed.class).forEach((index) -> {
				List<Index.Key> keys = columns(index, check).stream().map((c) -> new Index.Key(c, false)).toList();
				indexes.add(new Index(name(index), keys, false, null));
			});
		}
	}

	private static List<String> columns(MergedAnnotation<?> annotation, Consumer<String> check) {
		List<String> columns = List.of(annotation.getStringArray("columns"));
		columns.forEach(check);
		return columns;
	}

	private static @Nullable String name(MergedAnnotation<?> annotation) {
		String name = annotation.getString("name");
		return name.isEmpty() ? null : name;
	}

	private boolean present(String annotation) {
		return find(annotation) != null;
	}

	private @Nullable MergedAnnotation<?> find(String annotation) {
		for (MergedAnnotations candidates : this.annotations) {
			MergedAnnotation<?> found = candidates.get(annotation);
			if (found.isPresent()) {
				return found;
			}
		}
		return null;
	}

}

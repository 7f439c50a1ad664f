package dev.migrate.autoconfigure;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;

/**
 * What Jakarta Validation constraints on a Spring Data Relational property say about its
 * column: {@code @NotNull}, {@code @NotBlank} and {@code @NotEmpty} make it NOT NULL,
 * {@code @Size(max)} bounds a string, {@code @Digits} gives a decimal's precision and
 * scale. The annotations are looked up by name, so Jakarta Validation need not be on the
 * class path.
 */
final class RelationalConstraints {

	private static final String PACKAGE = "jakarta.validation.constraints.";

	private static final List<String> NOT_NULL = List.of(PACKAGE + "NotNull", PACKAGE + "NotBlank",
			PACKAGE + "NotEmpty");

	private final List<MergedAnnotations> annotations;

	private RelationalConstraints(List<MergedAnnotations> annotations) {
		this.annotations = annotations;
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

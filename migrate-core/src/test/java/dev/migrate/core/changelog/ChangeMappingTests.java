package dev.migrate.core.changelog;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.diff.TypeChangeClassifier;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.QualifiedName;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of {@link Change} maps to Liquibase (or SQL), and so does its inverse: the
 * sealed hierarchy is walked, so that a new kind without a mapping fails the build.
 */
class ChangeMappingTests {

	private final ChangeSetWriter writer = new ChangeSetWriter(Dialects.postgresql());

	@Test
	void theWalkFindsEveryKindOfChange() {
		assertThat(kinds(Change.class)).hasSizeGreaterThanOrEqualTo(30)
			.allSatisfy((kind) -> assertThat(kind.isRecord()).as(kind.getName()).isTrue());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("kinds")
	void everyKindAndItsInverseMapToLiquibaseChanges(Class<?> kind) {
		for (boolean flags : new boolean[] { false, true }) {
			Change change = (kind == Change.ChangeEnumLabels.class) ? addedLabel() : (Change) sample(kind, flags);
			assertThat(liquibaseChanges(change)).as("Liquibase changes for %s", change).isNotEmpty();
			assertThat(liquibaseChanges(change.inverse())).as("Liquibase changes for the inverse %s", change.inverse())
				.isNotEmpty();
		}
	}

	/**
	 * Labels that change, as the diff only ever writes them (equal ones are no change).
	 */
	private static Change addedLabel() {
		QualifiedName mood = new QualifiedName("public", "mood");
		return new Change.ChangeEnumLabels(new EnumType(mood, List.of("ok")), new EnumType(mood, List.of("ok", "sad")),
				List.of(new Change.ColumnRef(new QualifiedName("public", "person"), "mood")));
	}

	static List<Class<?>> kinds() {
		return kinds(Change.class);
	}

	private List<liquibase.change.Change> liquibaseChanges(Change change) {
		List<ChangeSet> changeSets = this.writer.changeSets(new SchemaDiff(List.of(change), List.of()), "1", "f.yaml");
		List<liquibase.change.Change> changes = changeSets.stream()
			.flatMap((changeSet) -> changeSet.getChanges().stream())
			.toList();
		assertThat(changes).filteredOn(RawSQLChange.class::isInstance)
			.allSatisfy((sql) -> assertThat(((RawSQLChange) sql).getSql()).as("SQL for %s", change).isNotBlank());
		return changes;
	}

	/** The record kinds under a sealed type, recursively. */
	private static List<Class<?>> kinds(Class<?> type) {
		if (type.isRecord()) {
			return List.of(type);
		}
		assertThat(type.isSealed()).as("%s is sealed", type.getName()).isTrue();
		List<Class<?>> kinds = new ArrayList<>();
		Arrays.stream(type.getPermittedSubclasses()).forEach((subtype) -> kinds.addAll(kinds(subtype)));
		return kinds;
	}

	/**
	 * Return an instance of a type built from simple values: records through their
	 * canonical constructor, flags all {@code false} or all {@code true}.
	 */
	private static Object sample(Type type, boolean flags) {
		if (type instanceof ParameterizedType parameterized) {
			Class<?> raw = (Class<?>) parameterized.getRawType();
			Object element = sample(parameterized.getActualTypeArguments()[0], flags);
			if (raw == List.class) {
				return List.of(element);
			}
			if (raw == java.util.SortedSet.class || raw == java.util.Set.class) {
				return new TreeSet<>(List.of(element));
			}
			throw new IllegalArgumentException("No sample of " + type);
		}
		Class<?> raw = (Class<?>) type;
		if (raw == ColumnType.class) {
			return ColumnType.of("int8");
		}
		if (raw == TypeChangeClassifier.class) {
			return Dialects.postgresql().typeChanges();
		}
		if (raw == String.class) {
			return "id";
		}
		if (raw == boolean.class) {
			return flags;
		}
		if (raw == int.class || raw == long.class) {
			return (raw == int.class) ? (Object) 1 : (Object) 1L;
		}
		if (raw.isEnum()) {
			return raw.getEnumConstants()[0];
		}
		if (raw.isRecord()) {
			RecordComponent[] components = raw.getRecordComponents();
			Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
			Object[] values = Arrays.stream(components)
				.map((component) -> sample(component.getGenericType(), flags))
				.toArray();
			try {
				Constructor<?> constructor = raw.getDeclaredConstructor(types);
				constructor.setAccessible(true);
				return constructor.newInstance(values);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot build a " + raw.getName() + " from " + Arrays.toString(values),
						ex);
			}
		}
		throw new IllegalArgumentException("No sample of " + type);
	}

}

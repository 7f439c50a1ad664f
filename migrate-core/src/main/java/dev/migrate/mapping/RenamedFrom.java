package dev.migrate.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Confirms that an entity's table or a persistent field's column was renamed, so that
 * Migrate renames it (keeping its rows or values) instead of dropping the old one and
 * adding a new one. On an entity class, names the table's old name; on a field or getter,
 * the column's old name. Once every database has the rename, the annotation may stay or
 * go: it does nothing where the old name no longer exists.
 *
 * <pre class="code">
 * &#064;Column(name = "about")
 * &#064;RenamedFrom("bio")
 * private String about;
 * </pre>
 *
 * Read on JPA entities and on Spring Data Relational (JDBC and R2DBC) entities alike. The
 * same can be said without touching the entity with the {@code migrate.diff.renames}
 * property, e.g. {@code migrate.diff.renames=users.bio=about}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.FIELD, ElementType.METHOD })
public @interface RenamedFrom {

	/**
	 * The old name of the table (on an entity class) or column (on a field or getter), as
	 * the database has it.
	 * @return the old name
	 */
	String value();

}

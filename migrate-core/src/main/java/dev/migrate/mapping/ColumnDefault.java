package dev.migrate.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The default of the column a Spring Data Relational property maps to, so that a NOT NULL
 * column can be added to a table that has rows.
 *
 * @deprecated since 0.1.0 for removal: its name is Hibernate's
 * {@code org.hibernate.annotations.ColumnDefault}'s, which an application with both JPA
 * and Spring Data Relational imports too; use {@link DatabaseDefault}, which means the
 * same
 */
@Deprecated(since = "0.1.0", forRemoval = true)
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ColumnDefault {

	/**
	 * The default, as a PostgreSQL expression, e.g. {@code false} or {@code now()}.
	 * @return the expression
	 */
	String value();

}

package dev.migrate.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The default the database gives the column a Spring Data Relational property maps to, so
 * that a NOT NULL column can be added to a table that has rows. For Spring Data
 * Relational (JDBC and R2DBC) mappings; a JPA entity declares its default with
 * Hibernate's {@code @org.hibernate.annotations.ColumnDefault}, which Migrate reads
 * through Hibernate.
 *
 * <pre class="code">
 * &#064;DatabaseDefault("now()")
 * Instant createdAt;
 * </pre>
 */
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DatabaseDefault {

	/**
	 * The default, as a PostgreSQL expression, e.g. {@code false} or {@code now()}.
	 * @return the expression
	 */
	String value();

}

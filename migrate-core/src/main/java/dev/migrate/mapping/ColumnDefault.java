package dev.migrate.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The default of the column a Spring Data Relational property maps to, so that a NOT NULL
 * column can be added to a table that has rows.
 */
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

package dev.migrate.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index on the table of a Spring Data Relational entity: on a property (or record
 * component), over its column; on the class, over the named columns. For Spring Data
 * Relational (JDBC and R2DBC) mappings; a JPA entity declares it with JPA's
 * {@code @Table(indexes = …)}.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(Indexed.List.class)
public @interface Indexed {

	/**
	 * The columns, as the database names them; only on a class.
	 * @return the columns
	 */
	String[] columns() default {};

	/**
	 * The index name; empty for Migrate to name it ({@code
	 *
	<table>
	 * _<columns>_idx}).
	 * @return the name
	 */
	String name() default "";

	/**
	 * Several indexes on one class.
	 */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface List {

		/**
		 * The indexes.
		 * @return the indexes
		 */
		Indexed[] value();

	}

}

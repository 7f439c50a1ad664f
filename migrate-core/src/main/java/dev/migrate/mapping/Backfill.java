package dev.migrate.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value existing rows get when a persistent field's column becomes NOT NULL without a
 * default (a new column, or one that was nullable), so that the revision adds it
 * nullable, fills it, then sets NOT NULL instead of failing on a populated table. The
 * value is an SQL expression, e.g. {@code "0"}, {@code "'unknown'"} or
 * {@code "created_at"}.
 *
 * <pre class="code">
 * &#064;Column(nullable = false)
 * &#064;Backfill("0")
 * private int score;
 * </pre>
 *
 * Read on JPA entities and on Spring Data Relational (JDBC and R2DBC) entities alike. The
 * same can be said with the {@code migrate.diff.backfills} property, e.g.
 * {@code migrate.diff.backfills=users.score=0}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD })
public @interface Backfill {

	/**
	 * The SQL expression existing rows get.
	 * @return the expression
	 */
	String value();

}

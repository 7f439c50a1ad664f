package dev.migrate.autoconfigure;

/**
 * Callback that customizes the options Migrate diffs and runs with, after the
 * {@code migrate.*} properties are applied: e.g. renames from code
 * ({@code options.diff(options.diff().withRenames(hints))}). Every bean of this type is
 * applied, in order.
 */
@FunctionalInterface
public interface MigrateCustomizer {

	/**
	 * Customize the options.
	 * @param options the options, from the properties or an earlier customizer
	 */
	void customize(MigrateOptions options);

}

package dev.migrate.autoconfigure;

import dev.migrate.core.Migrate;

/**
 * One of the databases named under {@code migrate.instances}: its {@link Migrate} and its
 * startup run, which tells its status.
 */
public final class MigrateInstance {

	private final String name;

	private final String dataSourceName;

	private final MigrateContext context;

	private final Migrate migrate;

	private final MigrateStatusMonitor monitor;

	private final MigrateInitializer initializer;

	MigrateInstance(String name, String dataSourceName, MigrateContext context, Migrate migrate,
			MigrateStatusMonitor monitor, MigrateInitializer initializer) {
		this.name = name;
		this.dataSourceName = dataSourceName;
		this.context = context;
		this.migrate = migrate;
		this.monitor = monitor;
		this.initializer = initializer;
	}

	/**
	 * Return the instance's name.
	 * @return the key under {@code migrate.instances}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the name of the instance's {@code DataSource} bean.
	 * @return the bean name
	 */
	public String dataSourceName() {
		return this.dataSourceName;
	}

	/**
	 * Return Migrate over the instance's database and changelog.
	 * @return its Migrate
	 */
	public Migrate migrate() {
		return this.migrate;
	}

	/**
	 * Return the instance's startup run, and the status found since.
	 * @return its initializer
	 */
	public MigrateInitializer initializer() {
		return this.initializer;
	}

	MigrateContext context() {
		return this.context;
	}

	MigrateStatusMonitor monitor() {
		return this.monitor;
	}

}

package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.runner.DatabaseTarget;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ResourceLoader;

/**
 * The databases named under {@code migrate.instances}, each migrated at startup like the
 * default instance (before JPA and anything that depends on database initialization),
 * with its own history, advisory lock, changelog and status.
 */
public class MigrateInstances implements InitializingBean, SmartLifecycle {

	/**
	 * The name of the default instance (in metrics), which no instance may take.
	 */
	public static final String DEFAULT_NAME = "default";

	private static final Log logger = LogFactory.getLog(MigrateInstances.class);

	private final Map<String, MigrateInstance> instances;

	private final MigrateProperties properties;

	private final MigrateExit exit;

	private volatile boolean running;

	MigrateInstances(List<MigrateInstance> instances, MigrateProperties properties, MigrateExit exit) {
		Map<String, MigrateInstance> byName = new LinkedHashMap<>();
		instances.forEach((instance) -> byName.put(instance.name(), instance));
		this.instances = byName;
		this.properties = properties;
		this.exit = exit;
	}

	/**
	 * Return the instances, by name, in the order they are configured.
	 * @return the instances
	 */
	public Map<String, MigrateInstance> instances() {
		return this.instances;
	}

	/**
	 * Return an instance.
	 * @param name its name
	 * @return the instance
	 * @throws IllegalArgumentException if there is no instance of that name
	 */
	public MigrateInstance get(String name) {
		MigrateInstance instance = this.instances.get(name);
		if (instance == null) {
			throw new IllegalArgumentException(
					"No Migrate instance '" + name + "'; instances: " + this.instances.keySet());
		}
		return instance;
	}

	@Override
	public void afterPropertiesSet() {
		MigrateProperties.Command command = this.properties.getCommand();
		if (command != null) {
			// A command works on one instance (migrate.instance, else the default one);
			// the others stay as they are.
			String name = this.properties.getInstance();
			if (name != null) {
				requireInstance(this.properties, name);
				MigrateInstance instance = this.instances.get(name);
				this.exit.exit(new MigrateCommand(instance.context(), System.out, System.err).run(command));
			}
			return;
		}
		for (MigrateInstance instance : this.instances.values()) {
			try {
				instance.initializer().afterPropertiesSet();
			}
			catch (RuntimeException ex) {
				logger.error("Migrate instance '" + instance.name() + "' (DataSource bean '" + instance.dataSourceName()
						+ "') failed: " + ex.getMessage());
				throw ex;
			}
		}
	}

	@Override
	public void start() {
		this.instances.values().forEach((instance) -> instance.monitor().start());
		this.running = true;
	}

	@Override
	public void stop() {
		this.instances.values().forEach((instance) -> instance.monitor().stop());
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Create the instances {@code migrate.instances} names.
	 * @param properties the properties
	 * @param beanFactory where the data sources are
	 * @param entities the desired schema of the entities in some packages
	 * @param defaultContext the default instance, if any, whose database no instance may
	 * migrate too
	 * @param resourceLoader the application's resources
	 * @param developmentRun whether this is a development run
	 * @param customizers customizers of the options
	 * @param exit how command mode ends the application
	 * @return the instances
	 */
	static MigrateInstances create(MigrateProperties properties, ListableBeanFactory beanFactory,
			Function<List<String>, EntitySchemaSource> entities, @Nullable MigrateContext defaultContext,
			ResourceLoader resourceLoader, boolean developmentRun, List<MigrateCustomizer> customizers,
			MigrateExit exit) {
		List<MigrateInstance> instances = new ArrayList<>();
		Map<String, DataSource> databases = new LinkedHashMap<>();
		if (defaultContext != null) {
			databases.put("the default instance", defaultContext.dataSource());
		}
		properties.getInstances().forEach((name, instance) -> {
			String key = "migrate.instances." + name;
			if (DEFAULT_NAME.equals(name)) {
				throw new InstanceConfigurationException(key + ": '" + name + "' is the default instance's name (in"
						+ " metrics and messages); give this database another name");
			}
			String dataSourceName = instance.getDataSource();
			DataSource dataSource = dataSource(beanFactory, key, dataSourceName);
			checkEntityPackages(key, instance.getEntityPackages(), resourceLoader);
			databases.forEach((other, otherDataSource) -> checkDistinct(key, dataSource, other, otherDataSource));
			databases.put(key, dataSource);
			MigrateContext context = new MigrateContext(dataSource, propertiesOf(properties, name, instance),
					entities.apply(instance.getEntityPackages()), resourceLoader, developmentRun, customizers)
				.instanceName(name);
			dev.migrate.core.Migrate migrate = context.migrate();
			MigrateStatusMonitor monitor = new MigrateStatusMonitor(context, migrate);
			MigrateInitializer initializer = new MigrateInitializer(migrate, new ModeStartupStrategy(context, monitor),
					context, monitor, System::exit);
			instances.add(new MigrateInstance(name, dataSourceName, context, migrate, monitor, initializer));
		});
		return new MigrateInstances(instances, properties, exit);
	}

	private static DataSource dataSource(ListableBeanFactory beanFactory, String key, @Nullable String name) {
		List<String> names = List
			.of(BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, DataSource.class));
		if (name == null || name.isBlank()) {
			throw new InstanceConfigurationException(key + ".data-source is not set: name the DataSource bean of "
					+ "the instance's database (DataSource beans: " + names + ")");
		}
		if (!names.contains(name)) {
			throw new InstanceConfigurationException(key + ".data-source names '" + name
					+ "', but there is no DataSource bean of that name (DataSource beans: " + names + ")");
		}
		return beanFactory.getBean(name, DataSource.class);
	}

	static void checkEntityPackages(String key, List<String> packages, ResourceLoader resourceLoader) {
		if (packages.isEmpty()) {
			throw new InstanceConfigurationException(key + ".entity-packages is not set: name the packages of the "
					+ "@Entity classes that map to the instance's database");
		}
		for (String entityPackage : packages) {
			if (new ScannedEntitySchemaSource(List.of(entityPackage), resourceLoader.getClassLoader()).entityClasses()
				.isEmpty()) {
				throw new InstanceConfigurationException(key + ".entity-packages names '" + entityPackage
						+ "', which holds no @Entity class (subpackages included): correct the package name");
			}
		}
	}

	private static void checkDistinct(String key, DataSource dataSource, String other, DataSource otherDataSource) {
		String url = DatabaseTarget.url(dataSource);
		if (dataSource == otherDataSource || (url != null && url.equals(DatabaseTarget.url(otherDataSource)))) {
			throw new InstanceConfigurationException(key + " and " + other + " both migrate the database at "
					+ ((url != null) ? url : DataSourceDescription.describe(dataSource))
					+ ": a database has one history (DATABASECHANGELOG) and one advisory lock, so one instance; "
					+ "give " + key + " another database, or put its entity packages into the other instance");
		}
	}

	/**
	 * Return an instance's options: its own where it sets them, else those of
	 * {@code migrate.*}; no tenant schemas and no command.
	 */
	static MigrateProperties propertiesOf(MigrateProperties defaults, String name, MigrateInstanceProperties instance) {
		MigrateProperties properties = new MigrateProperties();
		// The groups are copied as groups, not through the deprecated flat accessors.
		BeanUtils.copyProperties(defaults, properties, "instances", "schemas", "command", "lockTimeout",
				"statementLockTimeout", "statementTimeout", "lockRetryFor", "allowDestructive", "online", "renames",
				"notRenames", "backfills", "includeTables", "excludeTables", "dropUnmapped");
		BeanUtils.copyProperties(defaults.getLock(), properties.getLock());
		BeanUtils.copyProperties(defaults.getDiff(), properties.getDiff());
		properties.setChangelog(
				(instance.getChangelog() != null) ? instance.getChangelog() : "db/migrate/" + name + "/changelog.yaml");
		if (instance.getMode() != null) {
			properties.setMode(instance.getMode());
		}
		return properties;
	}

	/**
	 * Thrown when {@code migrate.instances} names something that is not there, or two
	 * instances on one database.
	 */
	/**
	 * Fail unless {@code migrate.instance} names one of {@code migrate.instances}.
	 */
	static void requireInstance(MigrateProperties properties, String name) {
		if (!properties.getInstances().containsKey(name)) {
			throw new InstanceConfigurationException("migrate.instance names '" + name + "', but "
					+ (properties.getInstances().isEmpty() ? "migrate.instances names no instance"
							: "the instances are " + properties.getInstances().keySet())
					+ ". Nothing was run. Name one of them, or leave migrate.instance out to run "
					+ properties.getCommand() + " on the default instance.");
		}
	}

	static final class InstanceConfigurationException extends MigrateException {

		InstanceConfigurationException(String message) {
			super(message);
		}

	}

}

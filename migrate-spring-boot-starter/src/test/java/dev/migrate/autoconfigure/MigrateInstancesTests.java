package dev.migrate.autoconfigure;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.migrate.autoconfigure.MigrateInstances.InstanceConfigurationException;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code migrate.instances} refuses, with a message that says what to change.
 */
@PostgresTest
class MigrateInstancesTests {

	private static final String CUSTOMERS = "dev.migrate.autoconfigure.app.multi.customers";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
		.withPropertyValues("migrate.mode=none");

	@Test
	void leavesTheInstancesEntitiesOutOfTheDefaultInstances() {
		MigrateProperties properties = new MigrateProperties();
		MigrateInstanceProperties customers = new MigrateInstanceProperties();
		customers.setEntityPackages(List.of("com.example.customers"));
		properties.getInstances().put("customers", customers);
		PersistenceManagedTypes found = PersistenceManagedTypes.of(List.of("com.example.orders.Invoice",
				"com.example.customers.Customer", "com.example.customers.vip.Vip", "com.example.customersarchive.Old"),
				List.of());
		assertThat(MigrateInstanceEntities.without(found, properties).getManagedClassNames())
			.containsExactly("com.example.orders.Invoice", "com.example.customersarchive.Old");
	}

	@Test
	void instancesInheritTheLockAndDiffGroups() {
		MigrateProperties properties = new MigrateProperties();
		properties.getLock().setTimeout(Duration.ofSeconds(7));
		properties.getLock().setTableTimeout(Duration.ofSeconds(3));
		properties.getDiff().setOnline(false);
		properties.getDiff().setExcludeTables(List.of("audit_*"));
		MigrateProperties customers = MigrateInstances.propertiesOf(properties, "customers",
				new MigrateInstanceProperties());
		assertThat(customers.getLock().getTimeout()).isEqualTo(Duration.ofSeconds(7));
		assertThat(customers.getLock().getTableTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(customers.getDiff().isOnline()).isFalse();
		assertThat(customers.getDiff().getExcludeTables()).containsExactly("audit_*");
		assertThat(customers.getChangelog()).isEqualTo("db/migrate/customers/changelog.yaml");
	}

	@Test
	void failsToStartNamingTheDataSourceBeansWhenAnInstanceNamesAnUnknownOne(TestDatabase database) {
		this.contextRunner.withBean("ordersDataSource", DataSource.class, database::dataSource)
			.withPropertyValues("migrate.instances.customers.data-source=customerDataSource",
					"migrate.instances.customers.entity-packages=" + CUSTOMERS)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InstanceConfigurationException.class)
				.hasMessage("migrate.instances.customers.data-source names 'customerDataSource', but there is no "
						+ "DataSource bean of that name (DataSource beans: [ordersDataSource])"));
	}

	@Test
	void failsToStartWhenAnInstanceMigratesTheDefaultInstancesDatabase(TestDatabase database) {
		this.contextRunner.withBean("ordersDataSource", DataSource.class, database::dataSource)
			.withBean("customersDataSource", DataSource.class, database::dataSource,
					(definition) -> definition.setAutowireCandidate(false))
			.withPropertyValues("migrate.instances.customers.data-source=customersDataSource",
					"migrate.instances.customers.entity-packages=" + CUSTOMERS)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InstanceConfigurationException.class)
				.hasMessageStartingWith("migrate.instances.customers and the default instance both migrate the "
						+ "database at " + database.jdbcUrl().replaceAll("\\?.*$", ""))
				.hasMessageContaining("one history (DATABASECHANGELOG) and one advisory lock"));
	}

	@Test
	void failsToStartWhenAnInstanceTakesTheDefaultInstancesName(TestDatabase database) {
		this.contextRunner.withBean("ordersDataSource", DataSource.class, database::dataSource)
			.withPropertyValues("migrate.instances.default.data-source=ordersDataSource",
					"migrate.instances.default.entity-packages=" + CUSTOMERS)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InstanceConfigurationException.class)
				.hasMessage("migrate.instances.default: 'default' is the default instance's name (in metrics and"
						+ " messages); give this database another name"));
	}

	@Test
	void failsToStartWhenAnInstancesEntityPackageHoldsNoEntity(TestDatabase database) {
		this.contextRunner.withBean("ordersDataSource", DataSource.class, database::dataSource)
			.withPropertyValues("migrate.instances.customers.data-source=ordersDataSource",
					"migrate.instances.customers.entity-packages=dev.migrate.autoconfigure.app.multi.empty")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InstanceConfigurationException.class)
				.hasMessage("migrate.instances.customers.entity-packages names "
						+ "'dev.migrate.autoconfigure.app.multi.empty', which holds no @Entity class "
						+ "(subpackages included): correct the package name"));
	}

}

package dev.migrate.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import dev.migrate.autoconfigure.app.data.jdbc.v1.PurchaseOrder;
import dev.migrate.autoconfigure.app.multi.orders.Invoice;
import dev.migrate.hibernate.EntityMappingException;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Applications without Hibernate: the starter no longer brings hibernate-core (nor the
 * JPA API), so a Spring Data JDBC or R2DBC application has neither, and the starter must
 * neither reach for them nor ignore {@code @Entity} classes it cannot read without saying
 * so.
 */
@PostgresTest
class MigrateAutoConfigurationWithoutHibernateTests {

	/** What a Spring Data JDBC application without JPA does not have. */
	private static final FilteredClassLoader WITHOUT_HIBERNATE_AND_JPA = new FilteredClassLoader("org.hibernate.",
			"jakarta.persistence.", "org.springframework.boot.hibernate.", "org.springframework.boot.jpa.",
			"org.springframework.orm.jpa.");

	@Test
	void readsTheSpringDataJdbcAggregatesWithoutHibernateOrJpaOnTheClassPath(TestDatabase database) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
			.withPropertyValues("migrate.mode=none")
			.withClassLoader(WITHOUT_HIBERNATE_AND_JPA)
			.withBean(DataSource.class, database::dataSource)
			.withBean(JdbcMappingContext.class, JdbcMappingContext::new)
			.withInitializer((context) -> AutoConfigurationPackages
				.register((BeanDefinitionRegistry) context.getBeanFactory(), PurchaseOrder.class.getPackageName()))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasBean("migrateDataJdbcSchemaSource")
					.doesNotHaveBean(EntitySchemaSource.class)
					.doesNotHaveBean(MigrateInstanceEntities.class);
				assertThat(context.getBean(MigrateContext.class).desired().schema().tables())
					.extracting((table) -> table.name().name())
					.containsExactly("label", "order_line", "purchase_order");
			});
	}

	@Test
	void findsNoEntityClassesWithoutTheJpaApi() {
		ScannedEntitySchemaSource source = new ScannedEntitySchemaSource(List.of(Invoice.class.getPackageName()),
				WITHOUT_HIBERNATE_AND_JPA);
		assertThat(source.entityClasses()).isEmpty();
		assertThat(source.desiredSchema()).isNull();
		assertThat(source.fingerprint()).isNull();
	}

	@Test
	void saysToAddHibernateWhenTheScannedPackagesHoldEntityClassesButHibernateIsMissing() {
		ScannedEntitySchemaSource source = new ScannedEntitySchemaSource(List.of(Invoice.class.getPackageName()),
				new FilteredClassLoader("org.hibernate."));
		assertThat(source.entityClasses()).containsExactly(Invoice.class);
		assertThatExceptionOfType(EntityMappingException.class).isThrownBy(source::desiredSchema)
			.withMessageContaining("Found @Entity classes [" + Invoice.class.getName() + "]")
			.withMessageContaining("Hibernate ORM is not on the class path")
			.withMessageContaining("Add org.hibernate.orm:hibernate-core");
	}

}

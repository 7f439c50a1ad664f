package dev.migrate.shop;

import java.util.Map;

import javax.sql.DataSource;

import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.cfg.AvailableSettings;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jpa.EntityManagerFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * An application with two databases, each with its own data source, entity package and
 * {@code EntityManagerFactory}: orders ({@code spring.datasource.*}, the default Migrate
 * instance, {@code migrate.entity-packages}) and customers ({@code customers.*}, the
 * {@code customers} instance, {@code migrate.instances.customers.*}). Hibernate only
 * validates both; Migrate builds them before either {@code EntityManagerFactory} starts.
 */
@SpringBootApplication
public class ShopApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShopApplication.class, args);
	}

	@Bean
	@Primary
	DataSource ordersDataSource(Environment environment) {
		return dataSource(environment, "spring.datasource");
	}

	@Bean
	DataSource customersDataSource(Environment environment) {
		return dataSource(environment, "customers");
	}

	@Bean
	@Primary
	LocalContainerEntityManagerFactoryBean entityManagerFactory(EntityManagerFactoryBuilder builder,
			DataSource ordersDataSource) {
		return entityManagerFactory(builder, ordersDataSource, "orders");
	}

	@Bean
	LocalContainerEntityManagerFactoryBean customersEntityManagerFactory(EntityManagerFactoryBuilder builder,
			@Qualifier("customersDataSource") DataSource customersDataSource) {
		return entityManagerFactory(builder, customersDataSource, "customers");
	}

	private static LocalContainerEntityManagerFactoryBean entityManagerFactory(EntityManagerFactoryBuilder builder,
			DataSource dataSource, String unit) {
		return builder.dataSource(dataSource)
			.packages(ShopApplication.class.getPackageName() + "." + unit)
			.persistenceUnit(unit)
			.properties(Map.of(AvailableSettings.HBM2DDL_AUTO, "validate", AvailableSettings.PHYSICAL_NAMING_STRATEGY,
					PhysicalNamingStrategySnakeCaseImpl.class.getName()))
			.build();
	}

	private static DataSource dataSource(Environment environment, String prefix) {
		return DataSourceBuilder.create()
			.url(environment.getRequiredProperty(prefix + ".url"))
			.username(environment.getRequiredProperty(prefix + ".username"))
			.password(environment.getRequiredProperty(prefix + ".password"))
			.build();
	}

}

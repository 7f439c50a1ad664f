package dev.migrate.autoconfigure.endpoint;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateInitializer;
import dev.migrate.autoconfigure.MigrateInstances;
import dev.migrate.autoconfigure.health.MigrateHealthIndicator;
import dev.migrate.autoconfigure.metrics.MigrateMetrics;
import dev.migrate.core.Migrate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration for Migrate's actuator endpoint, health indicator and metrics.
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
@ConditionalOnBean(MigrateInitializer.class)
public final class MigrateEndpointAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	@ConditionalOnAvailableEndpoint(MigrateEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigrateEndpoint migrateEndpoint(Migrate migrate, MigrateInitializer initializer,
				ObjectProvider<MigrateInstances> instances) {
			return new MigrateEndpoint(migrate, initializer, instances.getIfAvailable());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigrateMetrics migrateMetrics(MigrateInitializer initializer, ObjectProvider<MigrateInstances> instances) {
			return new MigrateMetrics(initializer, instances.getIfAvailable());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AbstractHealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("migrate")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "migrateHealthIndicator")
		MigrateHealthIndicator migrateHealthIndicator(MigrateInitializer initializer,
				ObjectProvider<MigrateInstances> instances) {
			return new MigrateHealthIndicator(initializer, instances.getIfAvailable());
		}

	}

}

package dev.migrate.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.migrate.core.Migrate;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Wiring of {@code migrate.instances}: a condition on the property and the
 * {@code <name>Migrate} beans.
 */
final class MigrateInstancesConfiguration {

	private MigrateInstancesConfiguration() {
	}

	static Map<String, MigrateInstanceProperties> instances(Environment environment) {
		return Binder.get(environment)
			.bind("migrate.instances", Bindable.mapOf(String.class, MigrateInstanceProperties.class))
			.orElse(Map.of());
	}

	/**
	 * Matches when {@code migrate.instances} names at least one instance.
	 */
	static final class OnInstancesCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Map<String, MigrateInstanceProperties> instances = instances(context.getEnvironment());
			return instances.isEmpty() ? ConditionOutcome.noMatch("migrate.instances names no instance")
					: ConditionOutcome.match("migrate.instances names " + instances.keySet());
		}

	}

	/**
	 * Registers a {@code <name>Migrate} bean for each instance, to inject by name or
	 * qualifier; not a default candidate, so that a plain {@link Migrate} is still the
	 * default instance's.
	 */
	static final class InstanceMigrateRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

		private Map<String, MigrateInstanceProperties> instances = Map.of();

		@Override
		public void setEnvironment(Environment environment) {
			this.instances = instances(environment);
		}

		@Override
		public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
			for (String name : List.copyOf(this.instances.keySet())) {
				String beanName = name + "Migrate";
				if (registry.containsBeanDefinition(beanName)) {
					continue;
				}
				RootBeanDefinition definition = new RootBeanDefinition(Migrate.class);
				definition.setInstanceSupplier(
						() -> ((BeanFactory) registry).getBean(MigrateInstances.class).get(name).migrate());
				definition.setDefaultCandidate(false);
				registry.registerBeanDefinition(beanName, definition);
			}
		}

	}

}

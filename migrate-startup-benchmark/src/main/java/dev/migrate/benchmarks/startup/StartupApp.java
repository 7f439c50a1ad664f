package dev.migrate.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.autoconfigure.MigrateInitializer;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The measured application: a Spring Boot application with a JDBC {@code DataSource} and
 * no web server, whose migration tool is chosen by the harness's arguments. It prints how
 * long the process took to become ready (JVM start included) and exits.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StartupApp {

	/** Prefix of the line that reports the time to ready. */
	static final String READY = "startup-benchmark: ready after ms=";

	/** Prefix of the line that names the migration tools that ran. */
	static final String TOOLS = "startup-benchmark: tools=";

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StartupApp.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(args)) {
			long ready = ManagementFactory.getRuntimeMXBean().getUptime();
			List<String> tools = new ArrayList<>();
			if (context.getBeanNamesForType(SpringLiquibase.class).length > 0) {
				tools.add("liquibase");
			}
			if (context.getBeanNamesForType(MigrateInitializer.class).length > 0) {
				tools.add("migrate");
			}
			System.out.println(READY + ready);
			System.out.println(TOOLS + String.join(",", tools));
		}
	}

}

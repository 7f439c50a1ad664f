package dev.migrate.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

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
 * long the process took to be ready to serve a database request (JVM start included):
 * started, with a connection from the pool, as a JPA application has at startup (so the
 * pool's first connection, which every tool opens, is not counted as the tool's), and
 * exits.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StartupApp {

	/** Prefix of the line that reports the time to ready. */
	static final String READY = "startup-benchmark: ready after ms=";

	/** Prefix of the line that names the migration tools that ran. */
	static final String TOOLS = "startup-benchmark: tools=";

	public static void main(String[] args) throws SQLException {
		SpringApplication application = new SpringApplication(StartupApp.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(args)) {
			try (Connection connection = context.getBean(DataSource.class).getConnection()) {
				connection.isValid(10);
			}
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

package dev.migrate.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migrate.autoconfigure.app.data.jdbc.v1.OrderLine;
import dev.migrate.autoconfigure.app.data.jdbc.v1.OrdersApplication;
import dev.migrate.autoconfigure.app.data.jdbc.v1.PurchaseOrder;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Data JDBC application whose aggregate holds a {@code @MappedCollection}, with
 * no JPA: Migrate reads the desired schema from the aggregate.
 */
@PostgresTest
@Tag(PostgresTest.DEFAULT_MAJOR_ONLY)
class DataJdbcApplicationTests {

	private static final String NO_JPA = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
			+ "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
			+ "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration";

	@TempDir
	Path source;

	@Test
	void createsEvolvesAndChecksTheTablesOfASpringDataJdbcAggregate(TestDatabase database) throws IOException {
		PeopleStarts starts = new PeopleStarts(this.source);
		try (ConfigurableApplicationContext context = start(starts, OrdersApplication.class, database)) {
			MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
			assertThat(run.generated()).endsWith("_create_label_order_line_and_purchase_order.yaml");
			assertThat(run.applied()).as("the generated revision").isPositive();
			JdbcAggregateTemplate template = context.getBean(JdbcAggregateTemplate.class);
			PurchaseOrder order = template
				.insert(new PurchaseOrder("ada", new PurchaseOrder.Address("1 Main St", "Ulm"),
						List.of(new OrderLine("tea", 2), new OrderLine("cake", 1)),
						Set.of(new PurchaseOrder.Label("gift"))));
			assertThat(template.findById(order.getId(), PurchaseOrder.class).getLines()).extracting(OrderLine::product)
				.containsExactly("tea", "cake");
		}
		assertThat(starts.revisions()).hasSize(1);
		try (ConfigurableApplicationContext context = start(starts, OrdersApplication.class, database)) {
			MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
			assertThat(run.generated()).isNull();
			assertThat(run.applied()).isZero();
			MigrateStatus status = context.getBean(MigrateStatusMonitor.class).refresh();
			assertThat(status.drift()).as("the status behind the endpoint and health")
				.isNotNull()
				.satisfies((drift) -> assertThat(drift.isEmpty()).isTrue());
			assertThat(status.hasApplicablePending()).isFalse();
		}
		assertThat(starts.revisions()).hasSize(1);
		try (ConfigurableApplicationContext context = start(starts,
				dev.migrate.autoconfigure.app.data.jdbc.v2.OrdersApplication.class, database)) {
			MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
			assertThat(run.generated()).endsWith("_add_order_line_price.yaml");
			assertThat(run.applied()).isEqualTo(1);
		}
		assertThat(starts.revisions()).hasSize(2);
		assertThat(database.queryForString("SELECT numeric_precision || ',' || numeric_scale FROM "
				+ "information_schema.columns WHERE table_name = 'order_line' AND column_name = 'price'"))
			.isEqualTo("12,2");
		AtomicInteger exit = new AtomicInteger(-1);
		starts
			.builder(dev.migrate.autoconfigure.app.data.jdbc.v2.OrdersApplication.class, database, NO_JPA,
					"migrate.command=check")
			.initializers(
					(context) -> context.getBeanFactory().registerSingleton("migrateExit", (MigrateExit) exit::set))
			.run()
			.close();
		assertThat(exit).as("check's exit code").hasValue(0);
		try (ConfigurableApplicationContext context = start(starts,
				dev.migrate.autoconfigure.app.data.jdbc.v3.OrdersApplication.class, database)) {
			MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
			assertThat(run.generated()).as("@RenamedFrom and @Backfill on a Spring Data JDBC record").isNotNull();
			assertThat(run.applied()).isPositive();
		}
		assertThat(starts.revisions()).hasSize(3);
		assertThat(Files.readString(starts.revisions().get(2))).contains("renameColumn")
			.contains("oldColumnName: product")
			.doesNotContain("dropColumn:\n        columnName: product");
		assertThat(database
			.queryForString("SELECT string_agg(item || ':' || shipped, ',' ORDER BY item)" + " FROM order_line"))
			.as("the lines of the first start, renamed and backfilled")
			.isEqualTo("cake:1,tea:2");
	}

	private ConfigurableApplicationContext start(PeopleStarts starts, Class<?> application, TestDatabase database) {
		return starts.builder(application, database, NO_JPA).run();
	}

}

package dev.migrate.autoconfigure.relational;

import java.util.List;
import java.util.TreeSet;

import dev.migrate.core.schema.Schema;
import dev.migrate.relational.RelationalAggregates;
import dev.migrate.relational.RelationalTables;

import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.r2dbc.convert.R2dbcCustomConversions;
import org.springframework.data.r2dbc.dialect.PostgresDialect;
import org.springframework.data.r2dbc.mapping.R2dbcMappingContext;

/**
 * The Spring Data Relational test mappings, read as the auto-configuration reads them.
 *
 * @param name the fixture's name
 * @param jdbc whether the classes are Spring Data JDBC aggregates (else R2DBC)
 * @param classes the {@code @Table} classes
 */
public record RelationalFixtures(String name, boolean jdbc, List<Class<?>> classes) {

	static List<RelationalFixtures> all() {
		return List.of(
				new RelationalFixtures("r2dbc v1", false,
						List.of(dev.migrate.autoconfigure.app.data.r2dbc.v1.Note.class,
								dev.migrate.autoconfigure.app.data.r2dbc.v1.Attachment.class)),
				new RelationalFixtures("r2dbc v2", false,
						List.of(dev.migrate.autoconfigure.app.data.r2dbc.v2.Note.class,
								dev.migrate.autoconfigure.app.data.r2dbc.v2.Attachment.class)),
				new RelationalFixtures("jdbc v1", true,
						List.of(dev.migrate.autoconfigure.app.data.jdbc.v1.PurchaseOrder.class)),
				new RelationalFixtures("jdbc v2", true,
						List.of(dev.migrate.autoconfigure.app.data.jdbc.v2.PurchaseOrder.class)),
				new RelationalFixtures("jdbc quoted names and a sequence", true,
						List.of(dev.migrate.autoconfigure.app.data.quoted.PaymentLog.class)),
				new RelationalFixtures("r2dbc quoted names and a sequence", false,
						List.of(dev.migrate.autoconfigure.app.data.quoted.PaymentLog.class)));
	}

	Schema schema() {
		return jdbc ? jdbc(this.classes.toArray(Class<?>[]::new)) : r2dbc(this.classes.toArray(Class<?>[]::new));
	}

	public static RelationalTables r2dbcTables(Class<?>... classes) {
		return RelationalAggregates.read(new R2dbcMappingContext(),
				R2dbcCustomConversions.of(PostgresDialect.INSTANCE, List.of()), false, List.of(classes));
	}

	public static RelationalTables jdbcTables(Class<?>... classes) {
		return RelationalAggregates.read(new JdbcMappingContext(),
				JdbcCustomConversions.of(JdbcPostgresDialect.INSTANCE, List.of()), true, List.of(classes));
	}

	static Schema r2dbc(Class<?>... classes) {
		return schema(r2dbcTables(classes));
	}

	static Schema jdbc(Class<?>... classes) {
		return schema(jdbcTables(classes));
	}

	private static Schema schema(RelationalTables tables) {
		TreeSet<String> schemas = new TreeSet<>(List.of("public"));
		return new Schema(schemas, tables.tables().stream().map(RelationalTables.MappedTable::table).toList(),
				tables.sequences(), List.of());
	}

	@Override
	public String toString() {
		return this.name;
	}

}

package dev.migrate.core.dialect.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.migrate.core.dialect.Ddl;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.Locking;
import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.Naming;
import dev.migrate.core.diff.TypeChangeClassifier;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.Schema;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL (14 and later).
 */
public final class PostgresDialect implements Dialect {

	/** The product name the PostgreSQL JDBC driver reports. */
	static final String PRODUCT_NAME = "PostgreSQL";

	private final Ddl ddl = new PostgresDdl(this);

	private final Locking locking = new PostgresLocking();

	@Override
	public String name() {
		return PRODUCT_NAME;
	}

	@Override
	public String defaultSchema() {
		return "public";
	}

	@Override
	public Schema readSchema(Connection connection, Collection<String> schemas, Collection<String> excludedTables)
			throws SQLException {
		return new CatalogReader(connection, schemas, excludedTables).read();
	}

	@Override
	public Set<String> namesCreatedBy(String sql) {
		return SqlObjectNames.created(sql);
	}

	@Override
	public @Nullable Set<String> namesTouchedBy(String sql) {
		return SqlObjectNames.touched(sql);
	}

	@Override
	public List<String> missingGrants(Connection connection, String owner, Collection<String> excludedTables)
			throws SQLException {
		return LoginGrants.missing(connection, owner, excludedTables);
	}

	@Override
	public String catalogFingerprint(Connection connection, Collection<String> excludedTables) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(CatalogQueries.FINGERPRINT)) {
			statement.setArray(1, connection.createArrayOf("text", excludedTables.toArray()));
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

	@Override
	public ColumnType columnType(String sqlType) {
		return PostgresTypes.parse(sqlType);
	}

	@Override
	public String expression(String sql) {
		return PostgresExpressions.canonical(sql);
	}

	@Override
	public String sqlType(ColumnType type) {
		return PostgresTypes.sql(type);
	}

	@Override
	public String lockImpact(Change change) {
		return PostgresLocks.of(change);
	}

	@Override
	public String quote(String identifier) {
		return PostgresTypes.quote(identifier);
	}

	@Override
	public String fold(String identifier) {
		return identifier.toLowerCase(Locale.ROOT);
	}

	@Override
	public Ddl ddl() {
		return this.ddl;
	}

	@Override
	public Optional<String> liquibaseType(ColumnType type) {
		return LiquibaseTypes.spelling(type);
	}

	@Override
	public String liquibaseName() {
		return "postgresql";
	}

	@Override
	public String hibernateDatabaseName() {
		// Named as a product, not as a dialect class: Hibernate resolves the same dialect
		// and does not warn that an explicit one is needless.
		return PRODUCT_NAME;
	}

	@Override
	public Locking locking() {
		return this.locking;
	}

	@Override
	public Naming naming() {
		return PostgresNaming.INSTANCE;
	}

	@Override
	public TypeChangeClassifier typeChanges() {
		return PostgresTypeChanges.INSTANCE;
	}

	@Override
	public Optional<String> missingPrivilege(SQLException ex) {
		return MissingPrivilege.of(ex);
	}

	@Override
	public String currentSchemaAndTableComment(String table) {
		return "SELECT current_schema(), obj_description(to_regclass(" + PostgresTypes.literal(table)
				+ "), 'pg_class')";
	}

	@Override
	public String tableExists(String table) {
		return "SELECT to_regclass(" + PostgresTypes.literal(table) + ") IS NOT NULL";
	}

	@Override
	public String tableExistsInAnySchema(String table) {
		return "SELECT count(*) > 0 FROM pg_catalog.pg_class WHERE relkind IN ('r', 'p') AND relname = "
				+ PostgresTypes.literal(table);
	}

	@Override
	public String createSchemaIfMissing(String schema) {
		return "CREATE SCHEMA IF NOT EXISTS \"" + schema.replace("\"", "\"\"") + "\"";
	}

}

package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.DatabaseRules;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What Migrate needs to know about one database product. Its {@link #naming() naming} and
 * {@link #typeChanges() type change} rules are the differ's {@link DatabaseRules}.
 */
public interface Dialect extends DatabaseRules {

	/**
	 * Return the product's name, e.g. {@code PostgreSQL}.
	 * @return the name
	 */
	String name();

	/**
	 * Return the schema that unqualified names resolve to by default.
	 * @return the default schema, e.g. {@code public}
	 */
	String defaultSchema();

	/**
	 * Read the schema objects of the given database schemas from a live database.
	 * @param connection the connection
	 * @param schemas the database schemas to read
	 * @param excludedTables names of tables to leave out in every schema (e.g. the
	 * migration tool's own tables)
	 * @return the schema
	 * @throws SQLException if the catalog cannot be read
	 */
	Schema readSchema(Connection connection, Collection<String> schemas, Collection<String> excludedTables)
			throws SQLException;

	/**
	 * Return a digest of the schemas outside the system ones and of the definitions of
	 * their tables, columns, constraints, indexes, sequences and enum types, computed by
	 * the database in one query: it changes with every change {@link #readSchema} can see
	 * (and more), so that an unchanged digest shows that the catalog need not be read
	 * again.
	 * @param connection the connection
	 * @param excludedTables names of tables to leave out (e.g. the migration tool's own
	 * tables, whose comment holds fingerprints)
	 * @return the digest
	 * @throws SQLException if the catalog cannot be read
	 */
	String catalogFingerprint(Connection connection, Collection<String> excludedTables) throws SQLException;

	/**
	 * Return the canonical form of a type written in this database's SQL.
	 * @param sqlType the type, e.g. {@code character varying(255)}
	 * @return the canonical type
	 */
	ColumnType columnType(String sqlType);

	/**
	 * Return the canonical form of an expression (a default, a check condition, an index
	 * predicate) written in this database's SQL.
	 * @param sql the expression
	 * @return the canonical form
	 */
	String expression(String sql);

	/**
	 * Return a canonical type spelled as this database's DDL expects it.
	 * @param type the canonical type
	 * @return the DDL spelling, e.g. {@code timestamp(6) with time zone}
	 */
	String sqlType(ColumnType type);

	/**
	 * Return which lock a change takes on this database and how long it may hold it, for
	 * the reviewer of a revision, e.g. {@code ACCESS EXCLUSIVE, rewrites the table}.
	 * @param change the change
	 * @return the lock and how long it is held
	 */
	String lockImpact(Change change);

	/**
	 * Quote an identifier when the database would otherwise fold or reject it.
	 * @param identifier the identifier as stored
	 * @return the identifier as SQL
	 */
	String quote(String identifier);

	/**
	 * Return an unquoted identifier as the database stores it (PostgreSQL lower-cases
	 * it).
	 * @param identifier the identifier as written, unquoted
	 * @return the identifier as stored
	 */
	String fold(String identifier);

	/**
	 * Return the SQL of the changes Liquibase has no structured change for, of the online
	 * recipes and of the guards.
	 * @return the DDL
	 */
	Ddl ddl();

	/**
	 * Return how a type is spelled for Liquibase, if Liquibase's own type translation
	 * keeps that spelling; changes with other types are written as SQL.
	 * @param type the canonical type
	 * @return the spelling
	 */
	Optional<String> liquibaseType(ColumnType type);

	/**
	 * Return the name Liquibase knows the database by, for a changeset's {@code dbms}.
	 * @return e.g. {@code postgresql}
	 */
	String liquibaseName();

	/**
	 * Return the name of the database product that Hibernate resolves its dialect from,
	 * for building the entities' metadata without a connection.
	 * @return e.g. {@code PostgreSQL}
	 */
	String hibernateDatabaseName();

	/**
	 * Return the session locks and timeouts that migrations run under.
	 * @return the locking
	 */
	Locking locking();

	/**
	 * Return the privilege a failure says the user lacks, if it is a missing privilege.
	 * @param ex the failure
	 * @return the privilege, e.g. {@code CREATE on schema app}
	 */
	Optional<String> missingPrivilege(SQLException ex);

	/**
	 * Return the names of the indexes and constraints a SQL script creates or renames to,
	 * as the catalog will have them.
	 * @param sql the script
	 * @return the names
	 */
	Set<String> namesCreatedBy(String sql);

	/**
	 * Return the names of the objects (tables, sequences, indexes, constraints) a SQL
	 * script touches, lower-cased.
	 * @param sql the script
	 * @return the names, or {@code null} if it names none that can be recognized
	 */
	@Nullable Set<String> namesTouchedBy(String sql);

	/**
	 * Return the statements that would let the session's login use the tables and
	 * sequences another login owns, for an application that migrates as the schema's
	 * owner and runs as a login that only reads and writes rows: a grant for each table
	 * and sequence the session's login cannot use at all, and default privileges for
	 * those the owner creates later.
	 * @param connection a connection as the application's login
	 * @param owner the login that migrates
	 * @param excludedTables names of tables to leave out (the migration tool's own)
	 * @return the statements, empty when the session's login can use every one
	 * @throws SQLException if the catalog cannot be read
	 */
	List<String> missingGrants(Connection connection, String owner, Collection<String> excludedTables)
			throws SQLException;

	/**
	 * Return a query whose one row holds the session's current schema and the comment of
	 * a table (NULL if it has none or does not exist).
	 * @param table the table, unqualified
	 * @return the query
	 */
	String currentSchemaAndTableComment(String table);

	/**
	 * Return a query whose one row holds whether a table exists where the session's
	 * unqualified names resolve.
	 * @param table the table, unqualified
	 * @return the query
	 */
	String tableExists(String table);

	/**
	 * Return a query whose one row holds whether a table of the given name exists in any
	 * schema the session can see, e.g. another tool's history table.
	 * @param table the table, unqualified, as the database stores it
	 * @return the query
	 */
	String tableExistsInAnySchema(String table);

	/**
	 * Return the statement that creates a schema unless it exists.
	 * @param schema the schema's name, as the database stores it
	 * @return the statement
	 */
	String createSchemaIfMissing(String schema);

	/**
	 * Return a qualified name as SQL.
	 * @param name the name
	 * @return the quoted, qualified name
	 */
	default String qualified(QualifiedName name) {
		return quote(name.schema()) + "." + quote(name.name());
	}

}

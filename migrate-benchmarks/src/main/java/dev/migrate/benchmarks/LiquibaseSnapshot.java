package dev.migrate.benchmarks;

import java.sql.Connection;

import liquibase.CatalogAndSchema;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.snapshot.SnapshotControl;
import liquibase.snapshot.SnapshotGeneratorFactory;

/**
 * Liquibase's snapshot of a schema, what {@code diffChangeLog} and liquibase-hibernate
 * compare: the way the Java tools before Migrate read a database.
 */
final class LiquibaseSnapshot {

	private LiquibaseSnapshot() {
	}

	/**
	 * Take a snapshot of one schema with Liquibase's default snapshot control (tables,
	 * columns, keys, indexes, constraints, sequences, views).
	 * @param connection an open connection, left open
	 * @param schema the schema
	 * @return the snapshot
	 * @throws LiquibaseException if Liquibase fails
	 */
	static DatabaseSnapshot take(Connection connection, String schema) throws LiquibaseException {
		Database database = DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new JdbcConnection(connection));
		return SnapshotGeneratorFactory.getInstance()
			.createSnapshot(new CatalogAndSchema(null, schema), database, new SnapshotControl(database));
	}

}

package dev.migrate.hibernate;

import org.hibernate.engine.jdbc.connections.spi.DatabaseConnectionInfo;
import org.hibernate.engine.jdbc.env.internal.JdbcEnvironmentInitiator;

/**
 * Hibernate's JDBC environment without its "Database info" log block. Migrate builds
 * metadata without a connection, so that block would only print "undefined/unknown" next
 * to the real one Hibernate logs when JPA starts. The hook is the one Hibernate keeps for
 * Hibernate Reactive.
 */
final class QuietJdbcEnvironmentInitiator extends JdbcEnvironmentInitiator {

	@Override
	protected void logConnectionInfo(DatabaseConnectionInfo databaseConnectionInfo) {
	}

}

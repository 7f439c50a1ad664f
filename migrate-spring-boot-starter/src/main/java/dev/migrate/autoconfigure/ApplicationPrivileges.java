package dev.migrate.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.runner.MigrationRunner;

/**
 * Checks, after Migrate migrated as another login than the application's (a data source
 * marked {@link MigrateDataSource}, or {@code migrate.user}), that the application's
 * login can use the tables and sequences the migrating login owns. Without grants, JPA's
 * {@code ddl-auto=validate} reports a sequence missing that is there (PostgreSQL hides it
 * from a login without privileges on it), or the first query fails; this check fails the
 * start before that, with the statements that fix it.
 */
final class ApplicationPrivileges {

	private ApplicationPrivileges() {
	}

	/**
	 * Check that the application's login can use what the migrating login owns, when the
	 * two differ and log in to the same database.
	 * @param migration the data source Migrate migrated
	 * @param application the application's data source
	 * @throws MissingApplicationPrivilegesException if it cannot
	 */
	static void check(DataSource migration, DataSource application) {
		try (Connection migrating = migration.getConnection(); Connection applying = application.getConnection()) {
			String owner = migrating.getMetaData().getUserName();
			String login = applying.getMetaData().getUserName();
			if (Objects.equals(owner, login) || !Objects.equals(migrating.getCatalog(), applying.getCatalog())) {
				return;
			}
			List<String> grants = Dialects.forConnection(applying)
				.missingGrants(applying, owner, MigrationRunner.LIQUIBASE_TABLES);
			if (!grants.isEmpty()) {
				throw new MissingApplicationPrivilegesException(owner, login, grants);
			}
		}
		catch (SQLException ex) {
			throw new MigrateException("Migrate could not check the privileges of the application's login on the"
					+ " tables it migrated: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Thrown when the application's login cannot use tables or sequences the migrating
	 * login owns.
	 */
	static final class MissingApplicationPrivilegesException extends MigrateException {

		MissingApplicationPrivilegesException(String owner, String login, List<String> grants) {
			super("Migrate migrated as " + owner + ", but the application logs in as " + login
					+ ", which cannot use some of the tables and sequences " + owner
					+ " owns (JPA's ddl-auto=validate would report such a sequence missing, and queries would be"
					+ " denied). Run, as " + owner + " or a superuser (or in a revision):\n  "
					+ String.join(";\n  ", grants) + ";\nThe ALTER DEFAULT PRIVILEGES statements, run once, cover"
					+ " the tables and sequences " + owner + " creates later. If the application is not meant to"
					+ " use them, set migrate.check-application-privileges=false.");
		}

	}

}

package dev.migrate.core.runner;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The fingerprints of the unchanged shortcut (see {@link UnchangedCheck}): read, recorded
 * and forgotten on a connection of their own. They only save work, so a failure to read
 * or write one is logged at debug level and the caller takes the full path.
 */
final class Fingerprints {

	private static final System.Logger logger = System.getLogger(MigrationRunner.class.getName());

	private final LiquibaseSession session;

	Fingerprints(LiquibaseSession session) {
		this.session = session;
	}

	Optional<MigrationStatus> statusIfUnchanged(@Nullable String desired) {
		try (Connection connection = this.session.dataSource().getConnection()) {
			return Optional.ofNullable(unchangedCheck(connection).statusIfUnchanged(connection, desired));
		}
		catch (SQLException | IOException | RuntimeException ex) {
			logger.log(System.Logger.Level.DEBUG,
					"Could not compare the changelog's fingerprint; taking the full path to the status", ex);
			return Optional.empty();
		}
	}

	Optional<String> catalogFingerprint() {
		try (Connection connection = this.session.dataSource().getConnection()) {
			return Optional.of(unchangedCheck(connection).catalogFingerprint(connection));
		}
		catch (SQLException | RuntimeException ex) {
			logger.log(System.Logger.Level.DEBUG, "Could not compute the catalog's fingerprint", ex);
			return Optional.empty();
		}
	}

	boolean recordInStep(String desiredFingerprint, String catalogFingerprint) {
		try (Connection connection = this.session.dataSource().getConnection()) {
			return unchangedCheck(connection).recordInStep(connection, desiredFingerprint, catalogFingerprint);
		}
		catch (SQLException | IOException | RuntimeException ex) {
			logger.log(System.Logger.Level.DEBUG,
					"Could not record that the database is in step with the entities; the next start compares again",
					ex);
			return false;
		}
	}

	void forgetInStep() {
		try (Connection connection = this.session.dataSource().getConnection()) {
			unchangedCheck(connection).forgetInStep(connection);
		}
		catch (SQLException | IOException | RuntimeException ex) {
			// Nothing recorded can be forgotten either.
			logger.log(System.Logger.Level.DEBUG, "Could not forget that the database was in step with the entities",
					ex);
		}
	}

	void recordUnchanged(Connection connection, Changelog changelog) {
		try {
			unchangedCheck(connection).record(connection, changelog);
		}
		catch (SQLException | IOException ex) {
			// Only the next start's shortcut is lost (e.g. a user who may not comment on
			// the table); it takes the full path instead.
			logger.log(System.Logger.Level.DEBUG,
					"Could not record the changelog's fingerprint; the next start takes the full path", ex);
		}
	}

	private UnchangedCheck unchangedCheck(Connection connection) throws SQLException {
		return new UnchangedCheck(this.session.changelog(), this.session.resources(), this.session.dialect(connection));
	}

}

package dev.migrate.core.runner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migrate.core.changelog.DestructiveGuard;
import dev.migrate.core.dialect.Dialect;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;

/**
 * The changelog's revisions and the changesets the database has recorded as applied.
 */
final class Changelog {

	private final List<Revision> revisions;

	private final List<AppliedChangeSet> applied;

	private final Dialect dialect;

	private Changelog(List<Revision> revisions, List<AppliedChangeSet> applied, Dialect dialect) {
		this.revisions = revisions;
		this.applied = applied;
		this.dialect = dialect;
	}

	/**
	 * Return a changeset's identity as Liquibase compares it: the same file read as
	 * {@code db/x.yaml} from a folder, {@code /db/x.yaml} from a jar or
	 * {@code classpath:db/x.yaml} is one file.
	 */
	static String key(String file, String id, String author) {
		return DatabaseChangeLog.normalizePath(file) + "::" + id + "::" + author;
	}

	/**
	 * Return the same changelog with the applied changesets read again, e.g. after an
	 * upgrade.
	 */
	Changelog reread(Connection connection) throws SQLException {
		return new Changelog(this.revisions, applied(connection, this.dialect), this.dialect);
	}

	static Changelog read(DatabaseChangeLog changeLog, Connection connection, Dialect dialect) throws SQLException {
		Map<String, List<ChangeSetRef>> byFile = new LinkedHashMap<>();
		for (ChangeSet changeSet : changeLog.getChangeSets()) {
			boolean destructive = DestructiveGuard.isMarked(changeSet);
			String description = (changeSet.getComments() != null) ? changeSet.getComments()
					: changeSet.getDescription();
			byFile.computeIfAbsent(changeSet.getFilePath(), (file) -> new ArrayList<>())
				.add(new ChangeSetRef(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor(), destructive,
						description));
		}
		List<Revision> revisions = new ArrayList<>();
		byFile.forEach((file, changeSets) -> revisions.add(new Revision(file, changeSets)));
		return new Changelog(revisions, applied(connection, dialect), dialect);
	}

	static List<AppliedChangeSet> applied(Connection connection, Dialect dialect) throws SQLException {
		List<AppliedChangeSet> applied = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet exists = statement.executeQuery(dialect.tableExists("databasechangelog"))) {
			exists.next();
			if (!exists.getBoolean(1)) {
				return applied;
			}
		}
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT filename, id, author, dateexecuted, orderexecuted,"
						+ " exectype, tag FROM databasechangelog ORDER BY orderexecuted, dateexecuted")) {
			while (rows.next()) {
				applied.add(new AppliedChangeSet(rows.getString(1), rows.getString(2), rows.getString(3),
						rows.getTimestamp(4).toInstant(), rows.getInt(5), rows.getString(6), rows.getString(7)));
			}
		}
		return applied;
	}

	List<Revision> revisions() {
		return this.revisions;
	}

	List<AppliedChangeSet> applied() {
		return this.applied;
	}

	List<ChangeSetRef> pending() {
		List<String> appliedKeys = this.applied.stream().map(AppliedChangeSet::key).toList();
		return this.revisions.stream()
			.flatMap((revision) -> revision.changeSets().stream())
			.filter((changeSet) -> !appliedKeys.contains(changeSet.key()))
			.toList();
	}

	List<Revision> pendingRevisions() {
		List<String> pendingKeys = pending().stream().map(ChangeSetRef::key).toList();
		return this.revisions.stream()
			.filter((revision) -> revision.changeSets().stream().anyMatch((c) -> pendingKeys.contains(c.key())))
			.toList();
	}

	List<Revision> appliedRevisions() {
		List<Revision> pendingRevisions = pendingRevisions();
		List<String> appliedFiles = this.applied.stream()
			.map((changeSet) -> DatabaseChangeLog.normalizePath(changeSet.file()))
			.toList();
		return this.revisions.stream()
			.filter((revision) -> !pendingRevisions.contains(revision)
					&& appliedFiles.contains(DatabaseChangeLog.normalizePath(revision.file())))
			.toList();
	}

	/**
	 * Return the pending changesets an upgrade holds back: the first destructive one
	 * (unless destructive changes are allowed) and everything after it.
	 */
	List<ChangeSetRef> heldBack(boolean allowDestructive) {
		List<ChangeSetRef> pending = pending();
		for (int i = 0; i < pending.size(); i++) {
			if (pending.get(i).destructive() && !allowDestructive) {
				return pending.subList(i, pending.size());
			}
		}
		return List.of();
	}

	MigrationStatus status(String schema, boolean allowDestructive) {
		List<ChangeSetRef> heldBack = heldBack(allowDestructive);
		Set<String> pendingKeys = pending().stream().map(ChangeSetRef::key).collect(Collectors.toSet());
		Set<String> heldBackKeys = heldBack.stream().map(ChangeSetRef::key).collect(Collectors.toSet());
		List<Revision> applicable = pendingRevisions().stream()
			.filter((revision) -> revision.changeSets()
				.stream()
				.anyMatch((c) -> pendingKeys.contains(c.key()) && !heldBackKeys.contains(c.key())))
			.toList();
		return new MigrationStatus(schema, appliedRevisions(), pendingRevisions(), applicable, heldBack);
	}

	/**
	 * Return the number of changesets in the changelog.
	 */
	int changeSetCount() {
		return this.revisions.stream().mapToInt((revision) -> revision.changeSets().size()).sum();
	}

	Revision revision(String name) {
		return this.revisions.stream()
			.filter((revision) -> revision.matches(name))
			.findFirst()
			.orElseThrow(() -> new MigrationException("No revision '" + name + "' in the changelog; known revisions: "
					+ this.revisions.stream().map(Revision::name).toList()));
	}

}

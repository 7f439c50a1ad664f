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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.migrate.core.changelog.Revisions;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.exception.MigrateException;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;

/**
 * The changelog's revisions and the changesets the database has recorded as applied.
 */
final class Changelog {

	private final List<Revision> revisions;

	private final List<AppliedChangeSet> applied;

	private final Dialect dialect;

	/**
	 * The objects each changeset touches, by key; {@code null} values (unknown) are kept
	 * as absent keys with {@link #UNKNOWN}.
	 */
	private final Map<String, Set<String>> objects;

	private static final Set<String> UNKNOWN = Set.of("\u0000unknown");

	/**
	 * Liquibase's path normalization, once per file: keys are compared for every
	 * changeset of every run (of every tenant schema).
	 */
	private static final Map<String, String> NORMALIZED_PATHS = new ConcurrentHashMap<>();

	private Changelog(List<Revision> revisions, List<AppliedChangeSet> applied, Dialect dialect,
			Map<String, Set<String>> objects) {
		this.revisions = revisions;
		this.applied = applied;
		this.dialect = dialect;
		this.objects = objects;
	}

	/**
	 * Return a changeset's identity as Liquibase compares it: the same file read as
	 * {@code db/x.yaml} from a folder, {@code /db/x.yaml} from a jar or
	 * {@code classpath:db/x.yaml} is one file.
	 */
	static String key(String file, String id, String author) {
		return normalizedPath(file) + "::" + id + "::" + author;
	}

	private static String normalizedPath(String file) {
		return NORMALIZED_PATHS.computeIfAbsent(file, DatabaseChangeLog::normalizePath);
	}

	/**
	 * Return the same changelog with the applied changesets read again, e.g. after an
	 * upgrade.
	 */
	Changelog reread(Connection connection) throws SQLException {
		return new Changelog(this.revisions, applied(connection, this.dialect), this.dialect, this.objects);
	}

	static Changelog read(DatabaseChangeLog changeLog, Connection connection, Dialect dialect) throws SQLException {
		Map<String, List<ChangeSetRef>> byFile = new LinkedHashMap<>();
		Map<String, Set<String>> objects = new java.util.HashMap<>();
		for (ChangeSet changeSet : changeLog.getChangeSets()) {
			boolean destructive = Revisions.isDestructive(changeSet);
			String description = (changeSet.getComments() != null) ? changeSet.getComments()
					: changeSet.getDescription();
			ChangeSetRef ref = new ChangeSetRef(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor(),
					destructive, description);
			byFile.computeIfAbsent(changeSet.getFilePath(), (file) -> new ArrayList<>()).add(ref);
			Set<String> touched = ChangeSetObjects.of(changeSet, dialect);
			objects.put(ref.key(), (touched != null) ? touched : UNKNOWN);
		}
		List<Revision> revisions = new ArrayList<>();
		byFile.forEach((file, changeSets) -> revisions.add(new Revision(file, changeSets)));
		return new Changelog(revisions, applied(connection, dialect), dialect, objects);
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
		Set<String> appliedKeys = this.applied.stream().map(AppliedChangeSet::key).collect(Collectors.toSet());
		return this.revisions.stream()
			.flatMap((revision) -> revision.changeSets().stream())
			.filter((changeSet) -> !appliedKeys.contains(changeSet.key()))
			.toList();
	}

	List<Revision> pendingRevisions() {
		Set<String> pendingKeys = pending().stream().map(ChangeSetRef::key).collect(Collectors.toSet());
		return this.revisions.stream()
			.filter((revision) -> revision.changeSets().stream().anyMatch((c) -> pendingKeys.contains(c.key())))
			.toList();
	}

	List<Revision> appliedRevisions() {
		List<Revision> pendingRevisions = pendingRevisions();
		Set<String> appliedFiles = this.applied.stream()
			.map((changeSet) -> normalizedPath(changeSet.file()))
			.collect(Collectors.toSet());
		return this.revisions.stream()
			.filter((revision) -> !pendingRevisions.contains(revision)
					&& appliedFiles.contains(normalizedPath(revision.file())))
			.toList();
	}

	/**
	 * Return the pending changesets an upgrade holds back (unless destructive changes are
	 * allowed): the destructive ones, and those after them that depend on them, touching
	 * a table, sequence, index or constraint a held-back changeset touches (or that
	 * cannot tell what they touch, such as SQL naming nothing recognizable). A safe
	 * change on another table goes ahead.
	 */
	List<ChangeSetRef> heldBack(boolean allowDestructive) {
		if (allowDestructive) {
			return List.of();
		}
		List<ChangeSetRef> held = new ArrayList<>();
		Set<String> heldObjects = new java.util.HashSet<>();
		for (ChangeSetRef changeSet : pending()) {
			Set<String> touched = this.objects.getOrDefault(changeSet.key(), UNKNOWN);
			boolean dependent = !held.isEmpty()
					&& (touched == UNKNOWN || heldObjects.contains(UNKNOWN.iterator().next())
							|| touched.stream().anyMatch(heldObjects::contains));
			if (changeSet.destructive() || dependent) {
				held.add(changeSet);
				heldObjects.addAll(touched);
			}
		}
		return held;
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
			.orElseThrow(() -> new MigrateException("No revision '" + name + "' in the changelog; known revisions: "
					+ this.revisions.stream().map(Revision::name).toList()));
	}

}

package dev.migrate.core.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.migrate.core.dialect.Dialect;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Finds out with two small queries and no Liquibase initialization that nothing changed
 * since the last upgrade that left nothing pending: the files of the changelog's folder
 * (names and contents) are the same, and so are the rows of {@code DATABASECHANGELOG}
 * (ids, files, checksums, in order). Both fingerprints are kept as the comment of
 * {@code DATABASECHANGELOG} by that upgrade. Anything else (a new or edited revision, a
 * row removed, a revision applied by someone else) makes a fingerprint differ, and the
 * caller takes Liquibase's full path: correctness never depends on this check.
 * <p>
 * Two more are added when the caller found the database in step with the desired schema
 * (no drift): the desired schema's fingerprint and one of the catalog, which the database
 * computes in one query. A development restart with the same entities and an unchanged
 * catalog then needs to read neither the entities nor the catalog. Recording the first
 * two again (after any upgrade) drops them.
 */
final class UnchangedCheck {

	private static final String PREFIX = "migrate-fingerprint:";

	/** Bumped whenever what the fingerprints cover changes. */
	private static final String VERSION = "2";

	private final String changelog;

	private final ResourceAccessor resources;

	private final Dialect dialect;

	UnchangedCheck(String changelog, ResourceAccessor resources, Dialect dialect) {
		this.changelog = normalize(changelog);
		this.resources = resources;
		this.dialect = dialect;
	}

	/**
	 * Return the status if nothing changed since the fingerprints were recorded.
	 * @param connection the connection
	 * @param desired the desired schema's fingerprint, which must have been recorded as
	 * in step too, or {@code null} to ignore it
	 */
	@Nullable MigrationStatus statusIfUnchanged(Connection connection, @Nullable String desired)
			throws SQLException, IOException {
		String folder = folder();
		if (folder == null) {
			return null;
		}
		String schema;
		String recorded;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery(this.dialect.currentSchemaAndTableComment("databasechangelog"))) {
			result.next();
			schema = result.getString(1);
			recorded = result.getString(2);
		}
		if (recorded == null || !recorded.startsWith(PREFIX)) {
			return null;
		}
		if (desired != null && !recorded.contains(":" + plain(desired) + ":")) {
			return null;
		}
		Rows rows = Rows.read(connection);
		String current = comment(filesFingerprint(folder), rows.fingerprint());
		boolean unchanged = (desired != null) ? recorded.equals(current + ":" + inStep(connection, desired))
				: recorded.equals(current) || recorded.startsWith(current + ":");
		if (!unchanged) {
			return null;
		}
		return new MigrationStatus((schema != null) ? schema : this.dialect.defaultSchema(), rows.revisions(),
				List.of(), List.of(), List.of());
	}

	/**
	 * Add the desired schema's fingerprint and the catalog's to the recorded ones, if
	 * they still hold and the catalog is still the one the comparison read (its
	 * fingerprint taken before the comparison): DDL run meanwhile by someone else must
	 * not be recorded as in step.
	 * @return whether it was recorded
	 */
	boolean recordInStep(Connection connection, String desired, String catalogBefore) throws SQLException, IOException {
		String folder = folder();
		if (folder == null || statusIfUnchanged(connection, null) == null
				|| !catalogBefore.equals(catalogFingerprint(connection))) {
			return false;
		}
		writeComment(connection, comment(filesFingerprint(folder), Rows.read(connection).fingerprint()) + ":"
				+ plain(desired) + ":" + catalogBefore);
		return true;
	}

	/**
	 * Drop the desired schema's and the catalog's fingerprints, e.g. when drift was found
	 * after a start that trusted them.
	 */
	void forgetInStep(Connection connection) throws SQLException, IOException {
		String folder = folder();
		if (folder != null && statusIfUnchanged(connection, null) != null) {
			writeComment(connection, comment(filesFingerprint(folder), Rows.read(connection).fingerprint()));
		}
	}

	String catalogFingerprint(Connection connection) throws SQLException {
		return this.dialect.catalogFingerprint(connection, MigrationRunner.LIQUIBASE_TABLES);
	}

	private String inStep(Connection connection, String desired) throws SQLException {
		return plain(desired) + ":" + catalogFingerprint(connection);
	}

	/**
	 * A fingerprint as it is kept in the comment: itself if it is plain, otherwise its
	 * digest (it is written into a SQL literal, and ':' separates the parts).
	 */
	private static String plain(String fingerprint) {
		if (fingerprint.matches("[A-Za-z0-9_-]{1,100}")) {
			return fingerprint;
		}
		return HexFormat.of().formatHex(sha256().digest(fingerprint.getBytes(StandardCharsets.UTF_8)), 0, 16);
	}

	/**
	 * Record the fingerprints after an upgrade that left nothing pending, if there are
	 * revisions and every changeset comes from the changelog's folder (the only files the
	 * check reads).
	 */
	void record(Connection connection, Changelog changelog) throws SQLException, IOException {
		String folder = folder();
		if (folder == null || changelog.revisions().isEmpty() || !changelog.pending().isEmpty()) {
			return;
		}
		Map<String, Resource> files = files(folder);
		if (!changelog.revisions()
			.stream()
			.map((revision) -> normalize(revision.file()))
			.allMatch((file) -> isInFolder(file, folder) && files.containsKey(file))) {
			return;
		}
		writeComment(connection, comment(fingerprint(files), Rows.read(connection).fingerprint()));
	}

	private static void writeComment(Connection connection, String comment) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("COMMENT ON TABLE databasechangelog IS '" + comment + "'");
		}
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}

	private @Nullable String folder() {
		int slash = this.changelog.lastIndexOf('/');
		return (slash > 0) ? this.changelog.substring(0, slash) : null;
	}

	private String filesFingerprint(String folder) throws IOException {
		return fingerprint(files(folder));
	}

	/**
	 * The files of the changelog's folder, without the folders of other changelogs in it:
	 * a subfolder that holds a changelog of the same name (another database's, e.g.
	 * {@code db/migrate/customers/changelog.yaml} beside
	 * {@code db/migrate/changelog.yaml}) and that this changelog does not name. Its files
	 * change when that database gets a revision, which says nothing about this one.
	 */
	private Map<String, Resource> files(String folder) throws IOException {
		Map<String, Resource> files = new TreeMap<>();
		for (Resource resource : this.resources.search(folder, true)) {
			files.put(normalize(resource.getPath()), resource);
		}
		Resource master = files.get(normalize(this.changelog));
		if (master == null) {
			return files;
		}
		String masterText;
		try (InputStream in = master.openInputStream()) {
			masterText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String name = normalize(this.changelog).substring(folder.length() + 1);
		List<String> otherRoots = files.keySet()
			.stream()
			.filter((file) -> file.endsWith("/" + name))
			.map((file) -> file.substring(folder.length() + 1, file.length() - name.length()))
			.filter((subfolder) -> !subfolder.isEmpty() && subfolder.indexOf('/') == subfolder.length() - 1
					&& !masterText.contains(subfolder))
			.toList();
		files.keySet()
			.removeIf((file) -> otherRoots.stream().anyMatch((subfolder) -> file.startsWith(folder + "/" + subfolder)));
		return files;
	}

	private static String fingerprint(Map<String, Resource> files) throws IOException {
		MessageDigest digest = sha256();
		for (Map.Entry<String, Resource> file : files.entrySet()) {
			digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			try (InputStream in = file.getValue().openInputStream()) {
				digest.update(in.readAllBytes());
			}
			digest.update((byte) 0);
		}
		return HexFormat.of().formatHex(digest.digest(), 0, 16);
	}

	/**
	 * A path as the fingerprint names it. Not Liquibase's {@code normalizePath}, whose
	 * class initialization alone costs tens of milliseconds on a cold start; a path
	 * spelled differently only makes the check fail and the full path run.
	 */
	private static String normalize(String path) {
		String normalized = path.replace('\\', '/');
		if (normalized.startsWith("classpath:")) {
			normalized = normalized.substring("classpath:".length());
		}
		while (normalized.startsWith("/")) {
			normalized = normalized.substring(1);
		}
		return normalized;
	}

	/**
	 * Whether a changeset's file is one of the files the check reads; a path that climbs
	 * out ({@code ..}) never is.
	 */
	private static boolean isInFolder(String file, String folder) {
		return file.startsWith(folder + "/") && !file.contains("/../") && !file.contains("/./");
	}

	private static String comment(String files, String rows) {
		return PREFIX + VERSION + ":" + files + ":" + rows;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The rows of {@code DATABASECHANGELOG}, in the order they were applied.
	 */
	private record Rows(List<String[]> rows) {

		static Rows read(Connection connection) throws SQLException {
			List<String[]> rows = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT filename, id, author, md5sum, exectype"
							+ " FROM databasechangelog ORDER BY orderexecuted, dateexecuted")) {
				while (result.next()) {
					rows.add(new String[] { result.getString(1), result.getString(2), result.getString(3),
							String.valueOf(result.getString(4)), result.getString(5) });
				}
			}
			return new Rows(rows);
		}

		String fingerprint() {
			MessageDigest digest = sha256();
			for (String[] row : this.rows) {
				for (String value : row) {
					digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
					digest.update((byte) 0);
				}
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 16);
		}

		List<Revision> revisions() {
			Map<String, List<ChangeSetRef>> byFile = new LinkedHashMap<>();
			for (String[] row : this.rows) {
				byFile.computeIfAbsent(row[0], (file) -> new ArrayList<>())
					.add(new ChangeSetRef(row[0], row[1], row[2], false, ""));
			}
			List<Revision> revisions = new ArrayList<>();
			byFile.forEach((file, changeSets) -> revisions.add(new Revision(file, changeSets)));
			return revisions;
		}

	}

}

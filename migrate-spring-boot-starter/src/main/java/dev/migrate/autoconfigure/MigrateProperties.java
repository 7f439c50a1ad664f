package dev.migrate.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.core.changelog.ChangelogFormat;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration properties for Migrate.
 */
@ConfigurationProperties("migrate")
public class MigrateProperties extends MigrateDeprecatedProperties {

	static final String DEFAULT_MESSAGE = "migrate";

	/**
	 * Whether to enable Migrate.
	 */
	private boolean enabled = true;

	/**
	 * How tenant schemas are migrated.
	 */
	public static class Tenants {

		/**
		 * How many tenant schemas are migrated at once (each on its own connection).
		 */
		private int parallelism = 4;

		/**
		 * The schema revisions are generated against and name, whose name in each
		 * revision becomes the tenant's when it runs in a tenant schema.
		 */
		private String template = "public";

		public int getParallelism() {
			return this.parallelism;
		}

		public void setParallelism(int parallelism) {
			this.parallelism = parallelism;
		}

		public String getTemplate() {
			return this.template;
		}

		public void setTemplate(String template) {
			this.template = template;
		}

	}

	/**
	 * What Migrate does at startup.
	 */
	private Mode mode = Mode.AUTO;

	/**
	 * Master changelog, on the classpath and relative to the source directory.
	 */
	private String changelog = "db/migrate/changelog.yaml";

	/**
	 * Folder of revision files, relative to the master changelog's folder.
	 */
	private String changesDirectory = "changes";

	/**
	 * Resources folder of the source tree, where auto mode writes new revisions in a
	 * development run. Auto mode falls back to apply mode when it is not a writable
	 * folder.
	 */
	private String sourceDirectory = "src/main/resources";

	/**
	 * Whether this is a development run, in which auto mode may write new revisions into
	 * the source directory. When not set, a run is a development run when the
	 * application's classes (the packages of its @SpringBootApplication) are loaded from
	 * a build output folder, as in an IDE or with spring-boot:run, and not from a jar or
	 * war.
	 */
	private @Nullable Boolean development;

	/**
	 * How often the status served by the endpoint and health (pending revisions, drift)
	 * is refreshed in the background. Zero or negative: computed at startup only.
	 */
	private Duration statusRefreshInterval = Duration.ofMinutes(5);

	/**
	 * File format of generated revisions.
	 */
	private ChangelogFormat format = ChangelogFormat.YAML;

	/**
	 * Whether, when Migrate migrates as another login than the application's (a data
	 * source marked @MigrateDataSource, or migrate.user), to fail the start if the
	 * application's login cannot use the tables and sequences the migrating login owns,
	 * naming the grants that fix it.
	 */
	private boolean checkApplicationPrivileges = true;

	/**
	 * Command to run instead of starting the application: status, generate, upgrade,
	 * downgrade, history, stamp, check, sql, baseline, squash or revision. The
	 * application exits when it is done.
	 */
	private @Nullable Command command;

	/**
	 * Name of the instance (under migrate.instances) the command works on. When not set,
	 * the command works on the default instance.
	 */
	private @Nullable String instance;

	/**
	 * Number of revisions for the upgrade and downgrade commands.
	 */
	private @Nullable Integer count;

	/**
	 * Revision (file name or timestamp id; "base" for downgrade) that upgrade, downgrade
	 * and stamp go to, and the last revision that squash collapses.
	 */
	private @Nullable String tag;

	/**
	 * Message of a generated revision (by the generate, baseline, squash and revision
	 * commands or auto mode), used in its file name. Left at its default, a generated
	 * revision is named after what it does (e.g. add_users_website), a baseline
	 * "baseline" and a squash "squash".
	 */
	private String message = DEFAULT_MESSAGE;

	/**
	 * JDBC URL of the database to migrate, if not the application's data source (or the
	 * one marked @MigrateDataSource).
	 */
	private @Nullable String url;

	/**
	 * Login user of the database to migrate. Without migrate.url, Migrate logs in to the
	 * application's database as this user (e.g. one with DDL privileges).
	 */
	private @Nullable String user;

	/**
	 * Login password of the database to migrate.
	 */
	private @Nullable String password;

	/**
	 * Tenant schemas (Hibernate's schema-per-tenant multi-tenancy) to migrate after the
	 * application's own schema, each with its own history (DATABASECHANGELOG in the
	 * tenant's schema) and advisory lock. A schema that does not exist is created. A
	 * MigrateSchemaProvider bean, e.g. one that reads the tenants from a table, replaces
	 * this list.
	 */
	private List<String> schemas = new ArrayList<>();

	private final Tenants tenants = new Tenants();

	/**
	 * How Migrate waits for locks and bounds its statements.
	 */
	@NestedConfigurationProperty
	private final MigrateLockProperties lock = new MigrateLockProperties();

	/**
	 * What Migrate compares, generates and applies.
	 */
	@NestedConfigurationProperty
	private final MigrateDiffProperties diff = new MigrateDiffProperties();

	/**
	 * More databases to migrate, by instance name, each with its own Migrate bean
	 * (<name>Migrate), history, advisory lock and changelog: data-source (the name of its
	 * DataSource bean), entity-packages (the packages of its @Entity classes), changelog
	 * (default db/migrate/<name>/changelog.yaml) and mode (default migrate.mode). The
	 * other options are those of migrate.*. The default instance keeps migrating the
	 * database it migrates without instances, with the other entities.
	 */
	private Map<String, MigrateInstanceProperties> instances = new LinkedHashMap<>();

	/**
	 * Packages of the default instance's @Entity classes (subpackages included), for an
	 * application that builds its EntityManagerFactory beans itself. When empty, the
	 * entities Spring Boot's JPA auto-configuration finds.
	 */
	private List<String> entityPackages = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public String getChangelog() {
		return this.changelog;
	}

	public void setChangelog(String changelog) {
		this.changelog = changelog;
	}

	public String getChangesDirectory() {
		return this.changesDirectory;
	}

	public void setChangesDirectory(String changesDirectory) {
		this.changesDirectory = changesDirectory;
	}

	public String getSourceDirectory() {
		return this.sourceDirectory;
	}

	public void setSourceDirectory(String sourceDirectory) {
		this.sourceDirectory = sourceDirectory;
	}

	public ChangelogFormat getFormat() {
		return this.format;
	}

	public void setFormat(ChangelogFormat format) {
		this.format = format;
	}

	public boolean isCheckApplicationPrivileges() {
		return this.checkApplicationPrivileges;
	}

	public void setCheckApplicationPrivileges(boolean checkApplicationPrivileges) {
		this.checkApplicationPrivileges = checkApplicationPrivileges;
	}

	public @Nullable Command getCommand() {
		return this.command;
	}

	public void setCommand(@Nullable Command command) {
		this.command = command;
	}

	public @Nullable String getInstance() {
		return this.instance;
	}

	public void setInstance(@Nullable String instance) {
		this.instance = instance;
	}

	public @Nullable Integer getCount() {
		return this.count;
	}

	public void setCount(@Nullable Integer count) {
		this.count = count;
	}

	public @Nullable String getTag() {
		return this.tag;
	}

	public void setTag(@Nullable String tag) {
		this.tag = tag;
	}

	public String getMessage() {
		return this.message;
	}

	public void setMessage(String message) {
		this.message = message;
	}

	public @Nullable Boolean getDevelopment() {
		return this.development;
	}

	public void setDevelopment(@Nullable Boolean development) {
		this.development = development;
	}

	public Duration getStatusRefreshInterval() {
		return this.statusRefreshInterval;
	}

	public void setStatusRefreshInterval(Duration statusRefreshInterval) {
		this.statusRefreshInterval = statusRefreshInterval;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public List<String> getSchemas() {
		return this.schemas;
	}

	public void setSchemas(List<String> schemas) {
		this.schemas = schemas;
	}

	public Tenants getTenants() {
		return this.tenants;
	}

	@Override
	public MigrateLockProperties getLock() {
		return this.lock;
	}

	@Override
	public MigrateDiffProperties getDiff() {
		return this.diff;
	}

	public List<String> getEntityPackages() {
		return this.entityPackages;
	}

	public void setEntityPackages(List<String> entityPackages) {
		this.entityPackages = entityPackages;
	}

	public Map<String, MigrateInstanceProperties> getInstances() {
		return this.instances;
	}

	public void setInstances(Map<String, MigrateInstanceProperties> instances) {
		this.instances = instances;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	/**
	 * What Migrate does at startup.
	 */
	public enum Mode {

		/**
		 * In a development run with a writable source directory: apply pending revisions,
		 * write a revision for what still differs, and apply it; otherwise as
		 * {@link #APPLY}.
		 */
		AUTO,

		/**
		 * Apply committed revisions and report drift between entities and database.
		 */
		APPLY,

		/**
		 * Apply nothing; fail on pending revisions or drift.
		 */
		VALIDATE,

		/**
		 * Do nothing.
		 */
		NONE

	}

	/**
	 * A command of command mode.
	 */
	public enum Command {

		/** Show applied, pending and blocked revisions and the current one. */
		STATUS,

		/** Write the difference between entities and database as a new revision. */
		GENERATE,

		/** Apply pending revisions: all, {@code count} of them, or up to {@code tag}. */
		UPGRADE,

		/**
		 * Roll back revisions: {@code count} of them (1 by default) or down to
		 * {@code tag}.
		 */
		DOWNGRADE,

		/** List the applied changesets. */
		HISTORY,

		/** Record pending revisions as applied without running them. */
		STAMP,

		/** Exit with 1 when entities and database differ, listing the differences. */
		CHECK,

		/** Print the SQL that upgrade would run. */
		SQL,

		/**
		 * Write the baseline of a database whose mapped tables are already there, as the
		 * first revision, and record it as applied.
		 */
		BASELINE,

		/**
		 * Collapse the revisions up to {@code tag} into one that creates the schema they
		 * built, read from a database at exactly that revision.
		 */
		SQUASH,

		/** Write an empty revision to fill in by hand. */
		REVISION

	}

}

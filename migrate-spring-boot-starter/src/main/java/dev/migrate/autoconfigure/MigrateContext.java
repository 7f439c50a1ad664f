package dev.migrate.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import dev.migrate.core.Migrate;
import dev.migrate.core.runner.ChangelogFiles;
import dev.migrate.core.tenant.TenantMigrations;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ResourceLoader;

/**
 * What Migrate works on in one instance: the database, the properties and options, and
 * the three things it reads or writes, each kept by its own type: where the changelog is
 * ({@link ChangelogLocation}), what the entities want ({@link DesiredSchema}) and how new
 * revisions are written ({@link RevisionWriter}). Shared by the initializer, the status
 * monitor and command mode.
 */
class MigrateContext {

	private final DataSource dataSource;

	private final MigrateProperties properties;

	private final boolean developmentRun;

	private final List<MigrateCustomizer> customizers;

	private final ChangelogLocation changelog;

	private final DesiredSchema desired;

	private final RevisionWriter revisions;

	private volatile @Nullable DataSource applicationDataSource;

	private volatile @Nullable String instanceName;

	/**
	 * Create a new instance.
	 * @param dataSource the database to migrate
	 * @param properties the properties
	 * @param entities the desired schema
	 * @param resourceLoader the application's resources, where packaged revisions are
	 * found the way Spring finds resources (in nested jars too)
	 * @param developmentRun whether this is a development run, in which auto mode may
	 * write revisions into the source directory
	 */
	MigrateContext(DataSource dataSource, MigrateProperties properties, EntitySchemaSource entities,
			ResourceLoader resourceLoader, boolean developmentRun) {
		this(dataSource, properties, entities, resourceLoader, developmentRun, List.of());
	}

	/**
	 * Create a new instance.
	 * @param dataSource the database to migrate
	 * @param properties the properties
	 * @param entities the desired schema
	 * @param resourceLoader the application's resources, where packaged revisions are
	 * found the way Spring finds resources (in nested jars too)
	 * @param developmentRun whether this is a development run, in which auto mode may
	 * write revisions into the source directory
	 * @param customizers customizers of the options, applied in order after the
	 * properties
	 */
	MigrateContext(DataSource dataSource, MigrateProperties properties, EntitySchemaSource entities,
			ResourceLoader resourceLoader, boolean developmentRun, List<MigrateCustomizer> customizers) {
		this.dataSource = dataSource;
		this.customizers = List.copyOf(customizers);
		this.properties = properties;
		this.developmentRun = developmentRun;
		this.changelog = new ChangelogLocation(properties, resourceLoader, developmentRun);
		this.desired = new DesiredSchema(entities);
		this.revisions = new RevisionWriter(properties, this.changelog);
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * Return the application's own data source when Migrate migrates through another one
	 * (e.g. as another login), else {@code null}.
	 */
	@Nullable DataSource applicationDataSource() {
		return this.applicationDataSource;
	}

	/**
	 * Set the application's own data source, when Migrate migrates through another one.
	 */
	MigrateContext applicationDataSource(@Nullable DataSource applicationDataSource) {
		this.applicationDataSource = (applicationDataSource != this.dataSource) ? applicationDataSource : null;
		return this;
	}

	MigrateProperties properties() {
		return this.properties;
	}

	/**
	 * Return the name of the {@code migrate.instances} entry this context is, or
	 * {@code null} for the default instance.
	 */
	@Nullable String instanceName() {
		return this.instanceName;
	}

	/**
	 * Return the prefix of this context's own properties, for messages:
	 * {@code migrate.instances.<name>.} for an instance, else {@code migrate.}.
	 */
	String propertyPrefix() {
		String instance = this.instanceName;
		return (instance != null) ? "migrate.instances." + instance + "." : "migrate.";
	}

	/**
	 * Name the {@code migrate.instances} entry this context is, for messages.
	 */
	MigrateContext instanceName(String instanceName) {
		this.instanceName = instanceName;
		return this;
	}

	/**
	 * Return whether this is a development run.
	 */
	boolean isDevelopmentRun() {
		return this.developmentRun;
	}

	/**
	 * Return where the changelog is read and revisions are written.
	 */
	ChangelogLocation changelog() {
		return this.changelog;
	}

	/**
	 * Return the schema the entities want, read once.
	 */
	DesiredSchema desired() {
		return this.desired;
	}

	/**
	 * Return how new revisions are written into the source directory.
	 */
	RevisionWriter revisions() {
		return this.revisions;
	}

	/**
	 * Return Migrate over the changelog in the source directory when auto mode writes
	 * there, otherwise over the changelog on the classpath.
	 */
	Migrate migrate() {
		return migrate(this.changelog.resources());
	}

	Migrate migrate(ChangelogFiles resources) {
		MigrateOptions options = options();
		return new Migrate(this.dataSource, this.desired::schema, resources, this.properties.getChangelog(),
				options.diff(), options.runner());
	}

	/**
	 * Return the migrations of the tenant schemas, over the same changelog as
	 * {@link #migrate()}.
	 */
	TenantMigrations tenantMigrations() {
		return new TenantMigrations(this.dataSource, this.properties.getChangelog(), this.changelog.resources(),
				options().runner(), this.properties.getTenants().getTemplate(),
				this.properties.getTenants().getParallelism());
	}

	/**
	 * Return the options from the properties, then the customizers.
	 */
	MigrateOptions options() {
		return MigrateOptions.of(this.properties, this.customizers);
	}

	/**
	 * Return a fingerprint of the desired schema and of the options it is compared with,
	 * without reading the entities.
	 * @return the fingerprint, or {@code null} if the entity source cannot tell one
	 */
	@Nullable String desiredFingerprint() {
		return this.desired.fingerprint(options().diff());
	}

}

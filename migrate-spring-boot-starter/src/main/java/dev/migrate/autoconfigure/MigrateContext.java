package dev.migrate.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import javax.sql.DataSource;

import dev.migrate.core.Migrate;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.tenant.TenantMigrations;
import liquibase.integration.spring.SpringResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Everything Migrate needs in an application: the database, the properties, the entities
 * and where the changelog lives. Shared by the initializer, the endpoint, the health
 * indicator and command mode.
 */
class MigrateContext {

	private static final Log logger = LogFactory.getLog(MigrateContext.class);

	private final DataSource dataSource;

	private final MigrateProperties properties;

	private final EntitySchemaSource entities;

	private final ResourceLoader resourceLoader;

	private final boolean developmentRun;

	private final List<MigrateCustomizer> customizers;

	private volatile @Nullable DataSource applicationDataSource;

	private volatile @Nullable String instanceName;

	private volatile @Nullable Optional<Schema> entitySchema;

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
		this.entities = entities;
		this.resourceLoader = resourceLoader;
		this.developmentRun = developmentRun;
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
	 * Return Migrate over the changelog in the source directory when auto mode writes
	 * there, otherwise over the changelog on the classpath.
	 */
	Migrate migrate() {
		Path source = changelogSourceDirectory();
		return migrate((source != null) ? directory(source) : new SpringResourceAccessor(this.resourceLoader));
	}

	Migrate migrate(ResourceAccessor resources) {
		MigrateOptions options = options();
		return new Migrate(this.dataSource, this::desiredSchema, resources, this.properties.getChangelog(),
				options.diff(), options.runner());
	}

	/**
	 * Return the migrations of the tenant schemas, over the same changelog as
	 * {@link #migrate()}.
	 */
	TenantMigrations tenantMigrations() {
		Path source = changelogSourceDirectory();
		ResourceAccessor resources = (source != null) ? directory(source)
				: new SpringResourceAccessor(this.resourceLoader);
		return new TenantMigrations(this.dataSource, this.properties.getChangelog(), resources, options().runner(),
				this.properties.getTenants().getTemplate(), this.properties.getTenants().getParallelism());
	}

	/**
	 * Return the options from the properties, then the customizers.
	 */
	MigrateOptions options() {
		return MigrateOptions.of(this.properties, this.customizers);
	}

	/**
	 * Return whether the changelog can be found where {@link #migrate()} reads it.
	 */
	boolean hasChangelog() {
		Path source = changelogSourceDirectory();
		return (source != null) ? Files.exists(source.resolve(this.properties.getChangelog()))
				: classpathChangelog().exists();
	}

	/**
	 * Return where {@link #migrate()} reads the changelog, for messages.
	 */
	String changelogLocation() {
		Path source = changelogSourceDirectory();
		return (source != null) ? source.toString() : "the classpath";
	}

	/**
	 * Return how the master changelog was looked up and, if found, where it is, for
	 * messages.
	 */
	String describeChangelog() {
		Path source = changelogSourceDirectory();
		if (source != null) {
			return source.resolve(this.properties.getChangelog()).toString();
		}
		Resource changelog = classpathChangelog();
		String lookup = "classpath:" + this.properties.getChangelog();
		try {
			return changelog.exists() ? lookup + " (" + changelog.getURL() + ")" : lookup;
		}
		catch (IOException ex) {
			return lookup;
		}
	}

	/**
	 * Return the revision files found on the classpath under the changes directory, as
	 * Spring's resource resolution sees them.
	 * @return the pattern searched and the number of files found
	 */
	String describeRevisionSearch() {
		String pattern = "classpath*:" + logicalChangesDirectory() + "/**";
		try {
			Resource[] found = ResourcePatternUtils.getResourcePatternResolver(this.resourceLoader)
				.getResources(pattern);
			long files = Arrays.stream(found).filter(Resource::isReadable).count();
			return pattern + " (" + files + " file(s) found)";
		}
		catch (IOException ex) {
			return pattern + " (" + ex.getMessage() + ")";
		}
	}

	private Resource classpathChangelog() {
		return this.resourceLoader.getResource("classpath:" + this.properties.getChangelog());
	}

	private @Nullable Path changelogSourceDirectory() {
		return (this.properties.getMode() == MigrateProperties.Mode.AUTO) ? autoSourceDirectory() : null;
	}

	/**
	 * Return whether this is a development run.
	 */
	boolean isDevelopmentRun() {
		return this.developmentRun;
	}

	/**
	 * Return where auto mode writes new revisions: the source directory in a development
	 * run, when it is a writable folder.
	 */
	@Nullable Path autoSourceDirectory() {
		return this.developmentRun ? writableSourceDirectory() : null;
	}

	/**
	 * Return whether the application has entities to compare the database with.
	 */
	boolean hasEntities() {
		return entitySchema().isPresent();
	}

	Schema desiredSchema() {
		return entitySchema()
			.orElseGet(() -> new Schema(new TreeSet<>(List.of("public")), List.of(), List.of(), List.of()));
	}

	/**
	 * Read the entities once: they cannot change while the application runs, and reading
	 * them builds Hibernate's metadata, which the endpoint and health would otherwise
	 * repeat on every request.
	 */
	private Optional<Schema> entitySchema() {
		Optional<Schema> schema = this.entitySchema;
		if (schema == null) {
			schema = Optional.ofNullable(this.entities.desiredSchema());
			this.entitySchema = schema;
		}
		return schema;
	}

	/**
	 * Return a fingerprint of the desired schema and of the options it is compared with,
	 * without reading the entities.
	 * @return the fingerprint, or {@code null} if the entity source cannot tell one
	 */
	@Nullable String desiredFingerprint() {
		String entities = this.entities.fingerprint();
		if (entities == null) {
			return null;
		}
		DiffOptions diff = options().diff();
		String options = diff.includeTables() + "|" + diff.excludeTables() + "|" + diff.online() + "|"
				+ diff.dropUnmapped();
		return entities + "-"
				+ HexFormat.of().formatHex(sha256().digest(options.getBytes(StandardCharsets.UTF_8)), 0, 8);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String logicalChangesDirectory() {
		String changelog = this.properties.getChangelog();
		int slash = changelog.lastIndexOf('/');
		return ((slash >= 0) ? changelog.substring(0, slash + 1) : "") + this.properties.getChangesDirectory();
	}

	/**
	 * Return the source directory if it is a writable folder, for the generate command.
	 */
	@Nullable Path writableSourceDirectory() {
		Path directory = Path.of(this.properties.getSourceDirectory()).toAbsolutePath();
		return (Files.isDirectory(directory) && Files.isWritable(directory)) ? directory : null;
	}

	/**
	 * Write the difference between the database and the entities as a new revision in the
	 * source directory (and the master changelog, if it is missing).
	 * @param migrate Migrate over the source directory's changelog
	 * @param source the writable source directory
	 * @return the new revision, or empty if there is no difference
	 */
	Optional<Path> generate(Migrate migrate, Path source) {
		return generate(migrate, migrate.diff(), source);
	}

	/**
	 * Write a difference already computed as a new revision in the source directory (and
	 * the master changelog, if it is missing).
	 * @param migrate Migrate over the source directory's changelog
	 * @param diff the difference between the database and the entities
	 * @param source the writable source directory
	 * @return the new revision, or empty if there is no difference
	 */
	Optional<Path> generate(Migrate migrate, SchemaDiff diff, Path source) {
		writeMasterChangelogIfMissing(source);
		String logical = logicalChangesDirectory();
		// Without a message, the revision is named after what it does.
		String message = MigrateProperties.DEFAULT_MESSAGE.equals(this.properties.getMessage())
				? Migrate.revisionMessage(diff) : this.properties.getMessage();
		return migrate.generate(diff, source.resolve(logical), logical, message, this.properties.getFormat());
	}

	/**
	 * Write the master changelog into the source directory unless it is there, or make
	 * the one there include the folder of revisions.
	 * @param source the writable source directory
	 */
	void writeMasterChangelogIfMissing(Path source) {
		Path changelog = source.resolve(this.properties.getChangelog());
		try {
			if (MasterChangelog.writeIfMissing(changelog, this.properties.getChangesDirectory())) {
				logger.info("Migrate wrote the master changelog " + changelog);
			}
			// An existing changelog (e.g. Spring Boot's Liquibase one) must run the
			// revisions written beside it.
			else if (MasterChangelog.includeIfMissing(changelog, this.properties.getChangesDirectory())) {
				logger.info("Migrate added an includeAll of its revision folder "
						+ this.properties.getChangesDirectory() + "/ to the master changelog " + changelog);
			}
		}
		catch (IOException ex) {
			throw new MigrateException("Cannot write the master changelog " + changelog + ": " + ex
					+ ". No revision was written and the database was not changed. Make the folder writable (or set"
					+ " migrate.source-directory to one that is), then run again.", ex);
		}
	}

	static ResourceAccessor directory(Path directory) {
		try {
			return new DirectoryResourceAccessor(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

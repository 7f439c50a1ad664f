package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One more database Migrate migrates ({@code migrate.instances.<name>.*}): a
 * {@code DataSource} bean and the entities mapped to it. Options it does not set are
 * those of {@code migrate.*}.
 */
public class MigrateInstanceProperties {

	/**
	 * Name of the DataSource bean of this instance's database.
	 */
	private @Nullable String dataSource;

	/**
	 * Packages whose @Entity classes (subpackages included) map to this instance's
	 * database. The default instance leaves them out.
	 */
	private List<String> entityPackages = new ArrayList<>();

	/**
	 * Master changelog of this instance, on the classpath and relative to the source
	 * directory. Default: db/migrate/<name>/changelog.yaml.
	 */
	private @Nullable String changelog;

	/**
	 * What this instance does at startup. Default: migrate.mode.
	 */
	private MigrateProperties.@Nullable Mode mode;

	public @Nullable String getDataSource() {
		return this.dataSource;
	}

	public void setDataSource(@Nullable String dataSource) {
		this.dataSource = dataSource;
	}

	public List<String> getEntityPackages() {
		return this.entityPackages;
	}

	public void setEntityPackages(List<String> entityPackages) {
		this.entityPackages = entityPackages;
	}

	public @Nullable String getChangelog() {
		return this.changelog;
	}

	public void setChangelog(@Nullable String changelog) {
		this.changelog = changelog;
	}

	public MigrateProperties.@Nullable Mode getMode() {
		return this.mode;
	}

	public void setMode(MigrateProperties.@Nullable Mode mode) {
		this.mode = mode;
	}

}

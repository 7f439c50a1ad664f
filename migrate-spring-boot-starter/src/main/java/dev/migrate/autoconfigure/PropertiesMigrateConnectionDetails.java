package dev.migrate.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * {@link MigrateConnectionDetails} from {@code migrate.url}, {@code migrate.user} and
 * {@code migrate.password}.
 */
final class PropertiesMigrateConnectionDetails implements MigrateConnectionDetails {

	private final MigrateProperties properties;

	PropertiesMigrateConnectionDetails(MigrateProperties properties) {
		this.properties = properties;
	}

	@Override
	public @Nullable String getJdbcUrl() {
		return this.properties.getUrl();
	}

	@Override
	public @Nullable String getUsername() {
		return this.properties.getUser();
	}

	@Override
	public @Nullable String getPassword() {
		return this.properties.getPassword();
	}

}

package dev.migrate.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys from before the {@code migrate.lock.*} and {@code migrate.diff.*} groups still
 * set what their replacements set, so that existing configurations keep working.
 */
class MigrateDeprecatedPropertiesTests {

	@Test
	void oldLockKeysSetTheLockGroup() {
		MigrateLockProperties lock = bind(Map.of("migrate.lock-timeout", "7s", "migrate.statement-lock-timeout", "3s",
				"migrate.statement-timeout", "9m", "migrate.lock-retry-for", "11s"))
			.getLock();
		assertThat(lock.getTimeout()).isEqualTo(Duration.ofSeconds(7));
		assertThat(lock.getTableTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(lock.getStatementTimeout()).isEqualTo(Duration.ofMinutes(9));
		assertThat(lock.getRetryFor()).isEqualTo(Duration.ofSeconds(11));
	}

	@Test
	void oldDiffKeysSetTheDiffGroup() {
		MigrateDiffProperties diff = bind(Map.of("migrate.allow-destructive", "true", "migrate.online", "false",
				"migrate.renames", "users.bio=about", "migrate.not-renames", "users.a=b", "migrate.backfills",
				"users.score=0", "migrate.include-tables", "public.legacy_*", "migrate.exclude-tables", "audit_*",
				"migrate.drop-unmapped", "orders"))
			.getDiff();
		assertThat(diff.isAllowDestructive()).isTrue();
		assertThat(diff.isOnline()).isFalse();
		assertThat(diff.getRenames()).containsExactly("users.bio=about");
		assertThat(diff.getNotRenames()).containsExactly("users.a=b");
		assertThat(diff.getBackfills()).containsExactly("users.score=0");
		assertThat(diff.getIncludeTables()).containsExactly("public.legacy_*");
		assertThat(diff.getExcludeTables()).containsExactly("audit_*");
		assertThat(diff.getDropUnmapped()).containsExactly("orders");
	}

	@Test
	void newKeysSetTheGroups() {
		MigrateProperties properties = bind(Map.of("migrate.lock.timeout", "7s", "migrate.lock.table-timeout", "3s",
				"migrate.diff.online", "false", "migrate.diff.renames", "users.bio=about"));
		assertThat(properties.getLock().getTimeout()).isEqualTo(Duration.ofSeconds(7));
		assertThat(properties.getLock().getTableTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.getDiff().isOnline()).isFalse();
		assertThat(properties.getDiff().getRenames()).isEqualTo(List.of("users.bio=about"));
	}

	private static MigrateProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bind("migrate", MigrateProperties.class).get();
	}

}

package dev.migrate.autoconfigure;

import java.util.Locale;

import javax.sql.DataSource;

import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.exception.UnsupportedDatabaseException;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class R2dbcJdbcDataSourceTests {

	@Test
	void derivesHostPortAndDatabase() {
		assertThat(
				R2dbcJdbcDataSource.jdbcUrl(ConnectionFactoryOptions.parse("r2dbc:postgresql://db.example:6543/shop")))
			.isEqualTo("jdbc:postgresql://db.example:6543/shop");
	}

	@Test
	void carriesSsl() {
		assertThat(R2dbcJdbcDataSource.jdbcUrl(ConnectionFactoryOptions.parse("r2dbcs:postgresql://db/shop")))
			.isEqualTo("jdbc:postgresql://db/shop?sslmode=require");
		assertThat(R2dbcJdbcDataSource
			.jdbcUrl(ConnectionFactoryOptions.parse("r2dbc:postgresql://db/shop?sslMode=VERIFY_FULL")))
			.isEqualTo("jdbc:postgresql://db/shop?sslmode=verify-full");
	}

	@Test
	void refusesOtherDatabases() {
		assertThatExceptionOfType(UnsupportedDatabaseException.class)
			.isThrownBy(() -> R2dbcJdbcDataSource.jdbcUrl(ConnectionFactoryOptions.parse("r2dbc:mysql://db/shop")))
			.withMessageContaining("'mysql'");
	}

	@Test
	void readsThroughAnR2dbcPoolUrl() {
		assertThat(R2dbcJdbcDataSource
			.jdbcUrl(ConnectionFactoryOptions.parse("r2dbc:pool:postgresql://db.example:6543/shop?maxSize=5")))
			.isEqualTo("jdbc:postgresql://db.example:6543/shop");
		assertThatExceptionOfType(UnsupportedDatabaseException.class)
			.isThrownBy(() -> R2dbcJdbcDataSource.jdbcUrl(ConnectionFactoryOptions.parse("r2dbc:pool:mysql://db/shop")))
			.withMessageContaining("'mysql'");
	}

	@Test
	void carriesEverySslModeAndTheCertificateFiles() {
		for (String mode : new String[] { "DISABLE", "ALLOW", "PREFER", "REQUIRE", "VERIFY_CA", "VERIFY_FULL" }) {
			assertThat(R2dbcJdbcDataSource
				.jdbcUrl(ConnectionFactoryOptions.parse("r2dbc:postgresql://db/shop?sslMode=" + mode)))
				.isEqualTo("jdbc:postgresql://db/shop?sslmode=" + mode.toLowerCase(Locale.ROOT).replace('_', '-'));
		}
		assertThat(R2dbcJdbcDataSource.jdbcUrl(ConnectionFactoryOptions
			.parse("r2dbc:postgresql://db/shop?sslMode=verify-full&sslRootCert=/etc/ssl/root.crt")))
			.isEqualTo("jdbc:postgresql://db/shop?sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2Froot.crt");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> R2dbcJdbcDataSource
				.jdbcUrl(ConnectionFactoryOptions.parse("r2dbc:postgresql://db/shop?sslMode=tunnel")))
			.withMessageContaining("migrate.url");
	}

	@Test
	void passesThePasswordOnButNeverPutsItIntoTheUrlOrADescription() {
		ConnectionFactoryOptions options = ConnectionFactoryOptions
			.parse("r2dbc:postgresql://ada:s3cret@db/shop?sslMode=verify-full&sslPassword=k3y-s3cret");
		DataSource dataSource = R2dbcJdbcDataSource.from(options);
		assertThat(dataSource).isInstanceOfSatisfying(SimpleDriverDataSource.class, (simple) -> {
			assertThat(simple.getUrl()).doesNotContain("s3cret");
			assertThat(simple.getUsername()).isEqualTo("ada");
			assertThat(simple.getPassword()).isEqualTo("s3cret");
			assertThat(simple.getConnectionProperties()).containsEntry("sslpassword", "k3y-s3cret");
		});
		assertThat(DataSourceDescription.describe(dataSource)).doesNotContain("s3cret").contains("ada");
	}

}

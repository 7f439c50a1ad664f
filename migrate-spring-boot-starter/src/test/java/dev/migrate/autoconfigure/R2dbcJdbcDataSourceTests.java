package dev.migrate.autoconfigure;

import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

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
		assertThatIllegalStateException()
			.isThrownBy(() -> R2dbcJdbcDataSource.jdbcUrl(ConnectionFactoryOptions.parse("r2dbc:mysql://db/shop")))
			.withMessageContaining("'mysql'");
	}

}

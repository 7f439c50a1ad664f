package dev.migrate.core.runner;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a data source points, as messages and the starter's endpoint show it: never a
 * password, wherever the URL carries one.
 */
class DatabaseTargetTests {

	@Test
	void masksCredentialsInUrls() {
		assertThat(DatabaseTarget.mask("jdbc:postgresql://app:secret@db:5432/shop?password=secret&ssl=true"))
			.isEqualTo("jdbc:postgresql://db:5432/shop");
		assertThat(DatabaseTarget.mask("jdbc:postgresql://db/shop;password=secret"))
			.isEqualTo("jdbc:postgresql://db/shop");
	}

	@Test
	void describesADataSourceByItsMaskedUrlAndUserWithoutItsPassword() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl("jdbc:postgresql://db:5432/shop?password=s3cret&ssl=false");
		dataSource.setUser("app");
		dataSource.setPassword("s3cret");
		assertThat(DatabaseTarget.url(dataSource)).isEqualTo("jdbc:postgresql://db:5432/shop");
		assertThat(DatabaseTarget.user(dataSource)).isEqualTo("app");
		assertThat(DatabaseTarget.describe(dataSource)).isEqualTo("jdbc:postgresql://db:5432/shop as user 'app'")
			.doesNotContain("s3cret");
	}

}

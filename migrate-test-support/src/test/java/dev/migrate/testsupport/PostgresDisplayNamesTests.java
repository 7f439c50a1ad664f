package dev.migrate.testsupport;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresDisplayNamesTests {

	private final PostgresDisplayNames names = new PostgresDisplayNames();

	@Test
	void namesTheVersionOfTheServerThatPostgresTestClassesRunOn() {
		String version = TestPostgres.server().version();
		assertThat(this.names.generateDisplayNameForClass(PostgresExtensionTests.class))
			.isEqualTo("PostgresExtensionTests on " + (TestPostgres.server().isEmbedded() ? "" : "an existing server, ")
					+ "PostgreSQL " + version);
	}

	@Test
	void namesTheServerOfNestedPostgresTestClassesToo() {
		assertThat(this.names.generateDisplayNameForNestedClass(List.of(Outer.class), Outer.Inner.class))
			.isEqualTo("Inner on " + PostgresDisplayNames.serverName());
	}

	@Test
	void namesTheServerOfEachTestMethodForReportsThatShowOnlyMethodNames() throws Exception {
		assertThat(this.names.generateDisplayNameForMethod(List.of(), PostgresExtensionTests.class,
				PostgresExtensionTests.class.getDeclaredMethod("givesEveryMethodOfAClassTheSameDatabase",
						TestDatabase.class)))
			.isEqualTo("givesEveryMethodOfAClassTheSameDatabase(TestDatabase) on " + PostgresDisplayNames.serverName());
	}

	@Test
	void leavesOtherClassesAndTheirMethodsAlone() throws Exception {
		assertThat(this.names.generateDisplayNameForClass(PostgresDisplayNamesTests.class))
			.isEqualTo("PostgresDisplayNamesTests");
		assertThat(this.names.generateDisplayNameForMethod(List.of(), PostgresDisplayNamesTests.class,
				PostgresDisplayNamesTests.class.getDeclaredMethod("leavesOtherClassesAndTheirMethodsAlone")))
			.isEqualTo("leavesOtherClassesAndTheirMethodsAlone()");
	}

	static class Outer {

		@PostgresTest
		class Inner {

		}

	}

}

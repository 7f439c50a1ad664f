package dev.migrate.core.runner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaSubstitutionTests {

	@Test
	void replacesTheTemplateQualifierInSqlAndNothingElse() {
		SchemaSubstitution substitution = new SchemaSubstitution("public", "tenant_a");
		assertThat(substitution.substitute(
				"CREATE INDEX CONCURRENTLY \"author_bio_idx\" ON public.author (bio); UPDATE \"public\".\"book\" SET x = 'public.x' WHERE mypublic.y = 1 AND a.public.b = 2"))
			.isEqualTo(
					"CREATE INDEX CONCURRENTLY \"author_bio_idx\" ON tenant_a.author (bio); UPDATE tenant_a.\"book\" SET x = 'public.x' WHERE mypublic.y = 1 AND a.public.b = 2");
	}

	@Test
	void quotesATenantNameThatNeedsIt() {
		assertThat(new SchemaSubstitution("public", "Tenant-A").substitute("DROP TABLE public.author"))
			.isEqualTo("DROP TABLE \"Tenant-A\".author");
	}

}

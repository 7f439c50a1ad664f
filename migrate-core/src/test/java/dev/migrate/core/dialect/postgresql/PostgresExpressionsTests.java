package dev.migrate.core.dialect.postgresql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresExpressionsTests {

	@ParameterizedTest(name = "{0} == {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					status between 0 and 2                         | ((status >= 0) AND (status <= 2))
					status in ('A','B')                            | ((status)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[]))
					status not in ('A')                            | ((status)::text <> ALL ((ARRAY['A'::character varying])::text[]))
					'draft'                                        | 'draft'::character varying
					-1                                             | '-1'::integer
					0                                              | 0
					true                                           | TRUE
					current_timestamp                              | CURRENT_TIMESTAMP
					nextval('seq')                                 | nextval('seq'::regclass)
					price >= 0 and price < 1000000                 | ((price >= 0) AND (price < 1000000))
					price >= 0                                     | (price >= (0)::numeric)
					a = 1 or b = 2 and c = 3                       | ((a = 1) OR ((b = 2) AND (c = 3)))
					kind<>'Car' or seats is not null               | (((kind)::text <> 'Car'::text) OR (seats IS NOT NULL))
					name like 'a%'                                 | ((name)::text ~~ 'a%'::text)
					"DisplayName" is null                          | ("DisplayName" IS NULL)
					"plain" = 1                                    | plain = 1
					lower(name)                                    | lower((name)::text)
					(age>=0) and (age<=120)                        | ((age <= 120) AND (age >= 0))
					status between 0 and 2                         | status <= 2 and status >= 0
					a = 1 or b = 2                                 | ((b = 2) OR (a = 1))
					""")
	void rewritesEquivalentExpressionsToOneForm(String one, String other) {
		assertThat(PostgresExpressions.canonical(one)).isEqualTo(PostgresExpressions.canonical(other));
	}

	@ParameterizedTest(name = "{0} != {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			(a = 1 or b = 2) and c = 3                     | a = 1 or (b = 2 and c = 3)
			'draft'                                        | 'Draft'
			status between 0 and 2                         | status between 0 and 3
			status in ('A','B')                            | status in ('B','A')
			"DisplayName" is null                          | displayname is null
			a < b                                          | a <= b
			""")
	void keepsDifferentExpressionsApart(String one, String other) {
		assertThat(PostgresExpressions.canonical(one)).isNotEqualTo(PostgresExpressions.canonical(other));
	}

	@Test
	void keepsTheTextOfStringLiteralsExactly() {
		assertThat(PostgresExpressions.canonical("'It''s AND OR'::text")).isEqualTo("'It''s AND OR'");
	}

	@Test
	void fallsBackToNormalisedTokensForExpressionsItCannotParse() {
		assertThat(PostgresExpressions.canonical("x   @@  to_tsquery('a')"))
			.isEqualTo(PostgresExpressions.canonical("X @@ to_tsquery('a')"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					((status)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[])) | status in ('A', 'B')
					((status)::text <> ALL ((ARRAY['A]'::character varying])::text[]))                     | status not in ('A]')
					((a = ANY (ARRAY[1, 2])) AND ((b)::text = ANY ((ARRAY['x'::character varying])::text[]))) | (a in (1, 2)) and (b in ('x'))
					(price >= (0)::numeric)                                                                | price >= 0
					""")
	void writesTheArraysOfACanonicalFormAsTheInListsTheyStandFor(String stored, String written) {
		assertThat(PostgresExpressions.withInLists(PostgresExpressions.canonical(stored))).isEqualTo(written);
	}

}

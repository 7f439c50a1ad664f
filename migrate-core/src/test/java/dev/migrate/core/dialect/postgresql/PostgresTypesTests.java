package dev.migrate.core.dialect.postgresql;

import dev.migrate.core.schema.ColumnType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresTypesTests {

	@ParameterizedTest(name = "{0} == {1}")
	@CsvSource(delimiter = '|', textBlock = """
			varchar(255)                       | character varying(255)
			VARCHAR(255)                       | character varying(255)
			int                                | integer
			int4                               | integer
			serial                             | integer
			int8                               | bigint
			int2                               | smallint
			tinyint                            | smallint
			float(53)                          | double precision
			float(24)                          | real
			float4                             | real
			float8                             | double precision
			bool                               | boolean
			char(1)                            | character(1)
			char                               | character(1)
			decimal(10,2)                      | numeric(10,2)
			timestamp(6)                       | timestamp without time zone
			timestamptz(6)                     | timestamp(6) with time zone
			timestamp with time zone           | timestamp(6) with time zone
			time                               | time(6) without time zone
			timetz                             | time with time zone
			interval second(6)                 | interval second(6)
			integer array                      | integer[]
			_int4                              | integer[]
			varchar(255) array                 | character varying(255)[]
			text                               | TEXT
			""")
	void parsesSpellingsOfOneTypeToOneCanonicalForm(String one, String other) {
		assertThat(PostgresTypes.parse(one)).isEqualTo(PostgresTypes.parse(other));
	}

	@ParameterizedTest(name = "{0} != {1}")
	@CsvSource(delimiter = '|', textBlock = """
			varchar(255)          | varchar(256)
			varchar(255)          | varchar
			numeric(10,2)         | numeric(10,3)
			numeric               | numeric(38,2)
			timestamp(6)          | timestamptz(6)
			timestamp(3)          | timestamp(6)
			time                  | timetz
			integer               | bigint
			integer               | integer[]
			real                  | double precision
			json                  | jsonb
			interval second(6)    | interval
			""")
	void keepsDifferentTypesApart(String one, String other) {
		assertThat(PostgresTypes.parse(one)).isNotEqualTo(PostgresTypes.parse(other));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			character varying(255)        | varchar(255)
			numeric(38,2)                 | numeric(38,2)
			timestamp(6) with time zone   | timestamptz(6)
			bigint[]                      | int8[]
			"Mood"                        | Mood
			oid                           | oid
			""")
	void rendersTheCanonicalForm(String sql, String canonical) {
		ColumnType type = PostgresTypes.parse(sql);
		assertThat(type.sql()).isEqualTo(canonical);
	}

}

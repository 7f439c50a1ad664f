package dev.migrate.core.diff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which defaults fill existing rows without a rewrite, as declared or as PostgreSQL
 * stores them.
 */
class ExpressionsTests {

	@Test
	void literalsAreConstantInAnyCase() {
		assertThat(Expressions.isConstant("true")).isTrue();
		assertThat(Expressions.isConstant("TRUE")).isTrue();
		assertThat(Expressions.isConstant("Null")).isTrue();
		assertThat(Expressions.isConstant("ARRAY[1, 2]")).isTrue();
		assertThat(Expressions.isConstant("'it''s'")).isTrue();
		assertThat(Expressions.isConstant("-1.5")).isTrue();
	}

	@Test
	void functionCallsAreNotConstant() {
		assertThat(Expressions.isConstant("now()")).isFalse();
		assertThat(Expressions.isConstant("CURRENT_TIMESTAMP")).isFalse();
		assertThat(Expressions.isConstant("gen_random_uuid()")).isFalse();
	}

}

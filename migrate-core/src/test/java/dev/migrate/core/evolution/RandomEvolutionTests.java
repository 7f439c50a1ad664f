package dev.migrate.core.evolution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for random schemas A and B, applying the generated diff A to B to a database
 * at A yields exactly B. The pairs form random walks (each B is the next pair's A), so
 * every step is one generated revision applied to a real database.
 * <p>
 * {@code -Dmigrate.random.seed=N} replays a failing walk;
 * {@code -Dmigrate.random.pairs=N} sets the number of pairs (500 by default).
 */
@PostgresTest
class RandomEvolutionTests {

	private static final int STEPS_PER_WALK = 25;

	private static final DiffOptions OPTIONS = DiffOptions.defaults().withIncludeTables("public.*");

	@Test
	void applyingTheDiffFromAToBYieldsExactlyB() throws Exception {
		long seed = Long.getLong("migrate.random.seed", System.nanoTime());
		int pairs = Integer.getInteger("migrate.random.pairs", 500);
		RandomSchemas schemas = new RandomSchemas(seed);
		Schema scope = TestSchemas.schema().build();
		int checked = 0;
		while (checked < pairs) {
			try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
				List<String> walk = new ArrayList<>();
				for (int step = 0; step < STEPS_PER_WALK && checked < pairs; step++, checked++) {
					Schema a = workspace.read(scope);
					Schema b = schemas.next();
					Path revision = workspace.generate(b, OPTIONS, "step " + step);
					walk.add((revision != null) ? Files.readString(revision) : "(no changes)");
					workspace.runner().upgrade();
					String context = "pair %d of walk with seed %d (-Dmigrate.random.seed=%d); A was %s;%nrevisions:%n%s"
						.formatted(checked, seed, seed, a, String.join("\n", walk));
					assertThat(SchemaComparator.differences(b, workspace.read(scope))).as(context).isEmpty();
					assertThat(workspace.diff(b, OPTIONS).changes()).as("re-diff, " + context).isEmpty();
				}
			}
		}
		assertThat(checked).isEqualTo(pairs);
	}

}

package dev.migrate.core.evolution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for random schemas A and B (with confirmed renames between them) and rows in
 * every table of A, applying the revision generated from A to B yields exactly B and
 * keeps the rows, and downgrading it yields exactly A with the rows again. The pairs form
 * random walks (after the downgrade the revision is applied again, and B is the next
 * pair's A), so every step is one generated revision applied to a real database.
 * <p>
 * {@code -Dmigrate.random.seed=N} replays a failing walk;
 * {@code -Dmigrate.random.pairs=N} sets the number of pairs (500 by default).
 */
@PostgresTest
class RandomEvolutionTests {

	private static final int STEPS_PER_WALK = 25;

	private static final DiffOptions OPTIONS = DiffOptions.defaults().withIncludeTables("public.*");

	/**
	 * The kinds of change the generator is built to produce; a run that never made one of
	 * them proved nothing about it (e.g. renames stopped being generated).
	 */
	private static final Set<String> EXPECTED_KINDS = Set.of("CreateTable", "DropTable", "RenameTable", "AddColumn",
			"DropColumn", "RenameColumn", "AlterColumnType", "AlterNullability", "AlterDefault", "AlterIdentity",
			"ColumnComment", "TableComment", "AddPrimaryKey", "DropPrimaryKey", "AddUnique", "DropUnique",
			"CreateIndex", "DropIndex", "AddForeignKey", "DropForeignKey", "AddCheck", "DropCheck", "CreateSequence",
			"DropSequence", "CreateEnumType", "ChangeEnumLabels");

	@Test
	void upgradingFromAToBYieldsExactlyBWithTheRowsAndDowngradingYieldsExactlyA() throws Exception {
		long seed = Long.getLong("migrate.random.seed", System.nanoTime());
		int pairs = Integer.getInteger("migrate.random.pairs", 500);
		Random random = new Random(seed);
		RandomSchemas schemas = new RandomSchemas(random);
		RandomRenames renames = new RandomRenames(random);
		Schema scope = TestSchemas.schema().build();
		Set<String> kinds = new TreeSet<>();
		int rowsChecked = 0;
		for (int done = 0; done < pairs;) {
			try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
				List<String> walk = new ArrayList<>();
				for (int step = 0; step < STEPS_PER_WALK && done < pairs; step++, done++) {
					Schema a = workspace.read(scope);
					RandomRenames.Renamed b = renames.apply(a, schemas.next());
					DiffOptions options = OPTIONS.withRenames(b.hints());
					RandomRows.write(database, a);
					workspace.diff(b.target(), options).changes().forEach((change) -> kinds.add(kind(change)));
					Path revision = workspace.generate(b.target(), options, "step " + step);
					walk.add((revision != null) ? Files.readString(revision) : "(no changes)");
					String context = "pair %d of walk with seed %d (-Dmigrate.random.seed=%d); A was %s;%nhints %s;%nrevisions:%n%s"
						.formatted(done, seed, seed, a, b.hints(), String.join("\n", walk));
					Map<String, String> keptForward = RandomRows.expected(a, b.target(), b.hints(), true);
					Map<String, String> keptBackward = RandomRows.expected(b.target(), a, b.hints(), false);

					workspace.runner().upgrade();
					assertThat(SchemaComparator.differences(b.target(), workspace.read(scope))).as("B, " + context)
						.isEmpty();
					assertThat(workspace.diff(b.target(), options).changes()).as("re-diff, " + context).isEmpty();
					assertThat(RandomRows.actual(database, keptForward)).as("rows at B, " + context)
						.isEqualTo(keptForward);
					if (revision == null) {
						continue;
					}
					workspace.runner().downgrade(1);
					assertThat(SchemaComparator.differences(a, workspace.read(scope)))
						.as("A after downgrade, " + context)
						.isEmpty();
					assertThat(RandomRows.actual(database, keptBackward)).as("rows at A after downgrade, " + context)
						.isEqualTo(keptBackward);
					rowsChecked += keptForward.size() + keptBackward.size();
					workspace.runner().upgrade();
				}
			}
		}
		assertThat(kinds).as("kinds of change generated with seed %d", seed).containsAll(EXPECTED_KINDS);
		assertThat(rowsChecked).as("row checks with seed %d", seed).isGreaterThanOrEqualTo(pairs);
	}

	private static String kind(Change change) {
		return change.getClass().getSimpleName();
	}

}

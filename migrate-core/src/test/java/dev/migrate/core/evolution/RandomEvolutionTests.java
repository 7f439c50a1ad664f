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
import dev.migrate.core.diff.TableChange;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.core.schema.Sequence;
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
 * {@code -Dmigrate.random.pairs=N} sets the number of pairs (50 by default; the build
 * runs 50 on the default major and 25 on each other one). With fewer than
 * {@value #STEPS_PER_WALK} pairs the run is too short to promise every kind of change,
 * and that check is left out.
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
		int pairs = Integer.getInteger("migrate.random.pairs", 50);
		Set<String> kinds = walk(pairs, OPTIONS);
		if (pairs >= STEPS_PER_WALK) {
			// Seeds 0 to 299 all make every kind within 25 pairs.
			assertThat(kinds).as("kinds of change generated").containsAll(EXPECTED_KINDS);
		}
	}

	@Test
	void theOnlineRecipesToo() throws Exception {
		int pairs = Integer.getInteger("migrate.random.pairs", 50) / 2;
		Set<String> kinds = walk(pairs, OPTIONS.withOnline(true));
		if (pairs >= STEPS_PER_WALK) {
			// As for the plain walk: every seed makes these within 25 pairs; fewer (the
			// older majors' runs) may not.
			assertThat(kinds).as("kinds of change generated").contains("AlterNullability", "AddUnique", "CreateIndex");
		}
	}

	/**
	 * Walk from random schema to random schema, upgrading and downgrading each step;
	 * return the kinds of change made.
	 */
	private Set<String> walk(int pairs, DiffOptions baseOptions) throws Exception {
		long seed = Long.getLong("migrate.random.seed", System.nanoTime());
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
					RandomRenames.Renamed b = renames.apply(a, keepingSequenceStarts(a, schemas.next()));
					DiffOptions options = baseOptions.withRenames(b.hints());
					RandomRows.write(database, a);
					List<Change> changes = workspace.diff(b.target(), options).changes();
					changes.forEach((change) -> kinds.add(kind(change)));
					Path revision = workspace.generate(b.target(), options, "step " + step);
					walk.add((revision != null) ? Files.readString(revision) : "(no changes)");
					String context = "pair %d of walk with seed %d (-Dmigrate.random.seed=%d); A was %s;%nhints %s;%nrevisions:%n%s"
						.formatted(done, seed, seed, a, b.hints(), String.join("\n", walk));
					Map<String, String> keptForward = RandomRows.expected(a, b.target(), b.hints(), true);
					// A dropped column comes back with its default in every row, which
					// its
					// unique key or check may refuse: a downgrade restores the schema,
					// not
					// lost data, so such tables are emptied before it and not compared.
					Set<QualifiedName> lossy = new TreeSet<>();
					changes.stream()
						.filter(TableChange.DropColumn.class::isInstance)
						.forEach((change) -> lossy.add(((TableChange.DropColumn) change).table()));
					Map<String, String> keptBackward = RandomRows.expected(b.target(), a, b.hints(), false, lossy);

					List<String> catalogA = CatalogComparisons.of(database);
					run(() -> workspace.runner().upgrade(), "upgrade, " + context);
					assertThat(SchemaComparator.differences(b.target(), workspace.read(scope))).as("B, " + context)
						.isEmpty();
					assertThat(workspace.diff(b.target(), options).changes()).as("re-diff, " + context).isEmpty();
					assertThat(RandomRows.actual(database, keptForward)).as("rows at B, " + context)
						.isEqualTo(keptForward);
					rowsChecked += keptForward.size();
					if (revision == null) {
						continue;
					}
					RandomRows.delete(database, lossy);
					run(() -> workspace.runner().downgrade(1), "downgrade, " + context);
					assertThat(SchemaComparator.differences(a, workspace.read(scope)))
						.as("A after downgrade, " + context)
						.isEmpty();
					// Columns added back go last: PostgreSQL cannot put them where they
					// were; NOT NULL constraints and identity sequences made again get
					// PostgreSQL's names for the table and column names of that moment.
					List<Change.ColumnRef> dropped = CatalogComparisons.droppedColumns(changes, options);
					Set<String> notNullNames = CatalogComparisons.implicitNamesNotRestored(catalogA, b.hints());
					assertThat(comparable(CatalogComparisons.of(database), dropped, notNullNames))
						.as("A's catalog after downgrade, " + context)
						.containsExactlyElementsOf(comparable(catalogA, dropped, notNullNames));
					assertThat(RandomRows.actual(database, keptBackward)).as("rows at A after downgrade, " + context)
						.isEqualTo(keptBackward);
					rowsChecked += keptBackward.size();
					run(() -> workspace.runner().upgrade(), "upgrade again, " + context);
				}
			}
		}
		assertThat(rowsChecked).as("row checks with seed %d", seed).isGreaterThanOrEqualTo(pairs);
		return kinds;
	}

	private static List<String> comparable(List<String> catalog, List<Change.ColumnRef> dropped,
			Set<String> notNullNames) {
		return CatalogComparisons.withoutImplicitNamesOf(CatalogComparisons.withoutColumnOrderOf(catalog, dropped),
				notNullNames);
	}

	/** Failures of the runner carry the walk, so that they can be read and replayed. */
	private static void run(Runnable command, String context) {
		try {
			command.run();
		}
		catch (RuntimeException ex) {
			throw new AssertionError(context, ex);
		}
	}

	/**
	 * A sequence's start only matters when it is created: an existing one keeps its own.
	 */
	private static Schema keepingSequenceStarts(Schema a, Schema next) {
		List<Sequence> sequences = next.sequences()
			.stream()
			.map((sequence) -> a.sequences()
				.stream()
				.filter((existing) -> existing.name().equals(sequence.name()))
				.findFirst()
				.map((existing) -> new Sequence(sequence.name(), existing.start(), sequence.increment()))
				.orElse(sequence))
			.toList();
		return new Schema(next.schemas(), next.tables(), sequences, next.enumTypes(), next.declarations());
	}

	private static String kind(Change change) {
		return change.getClass().getSimpleName();
	}

}

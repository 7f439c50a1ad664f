package dev.migrate.core.changelog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.diff.SchemaDiffer;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every writer of a new revision (generate, baseline, empty revision) takes its id from
 * one allocator: the later of now and one second after the newest revision in the folder,
 * so that a revision written on a machine whose clock is behind a teammate's still sorts
 * after the teammate's.
 */
class RevisionIdsTests {

	private static final QualifiedName PERSON = new QualifiedName("public", "person");

	/** A teammate's revision, written by a clock far ahead of this one. */
	private static final String TEAMMATE = "20991231235959_teammates_revision.yaml";

	private static final String AFTER_TEAMMATE = "21000101000000";

	private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

	@TempDir
	Path directory;

	@BeforeEach
	void teammatesRevision() throws Exception {
		Files.writeString(this.directory.resolve(TEAMMATE), "databaseChangeLog: []\n");
	}

	@Test
	void aGeneratedRevisionSortsAfterARevisionDatedInTheFuture() throws Exception {
		Path file = new ChangeSetWriter(Dialects.postgresql()).write(creation(), this.directory, "db/migrate/changes",
				"add person", NOW, ChangelogFormat.YAML);
		assertThat(file.getFileName()).hasToString(AFTER_TEAMMATE + "_add_person.yaml");
		assertThat(Files.readString(file)).contains("id: " + AFTER_TEAMMATE + "-1");
		assertThat(sorted()).last().isEqualTo(file.getFileName().toString());
	}

	@Test
	void aBaselineSortsAfterARevisionDatedInTheFuture() throws Exception {
		Path file = new CreationRevisions(Dialects.postgresql()).writeBaseline(creation(), List.of(PERSON),
				this.directory, "db/migrate/changes", "baseline", NOW, ChangelogFormat.YAML);
		assertThat(file.getFileName()).hasToString(AFTER_TEAMMATE + "_baseline.yaml");
		assertThat(sorted()).last().isEqualTo(file.getFileName().toString());
	}

	@Test
	void anEmptyRevisionSortsAfterARevisionDatedInTheFuture() throws Exception {
		Path file = EmptyRevisionWriter.write(this.directory, "db/migrate/changes", "backfill", "alice", NOW,
				ChangelogFormat.YAML);
		assertThat(file.getFileName()).hasToString(AFTER_TEAMMATE + "_backfill.yaml");
		assertThat(sorted()).last().isEqualTo(file.getFileName().toString());
	}

	@Test
	void aRevisionTakesTheClocksTimeWhenItIsAfterTheNewestRevision() throws Exception {
		Files.delete(this.directory.resolve(TEAMMATE));
		Files.writeString(this.directory.resolve("20261122100000_earlier.yaml"), "databaseChangeLog: []\n");
		Path file = new ChangeSetWriter(Dialects.postgresql()).write(creation(), this.directory, "db/migrate/changes",
				"add person", NOW, ChangelogFormat.YAML);
		assertThat(file.getFileName()).hasToString("20261122101530_add_person.yaml");
	}

	private List<String> sorted() throws Exception {
		try (var files = Files.list(this.directory)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private static SchemaDiff creation() {
		Table person = new Table(PERSON, List.of(new Column("id", ColumnType.of("int8"), false, null, null, null)),
				new PrimaryKey(null, List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
		Schema nothing = new Schema(new TreeSet<>(List.of("public")), List.of(), List.of(), List.of());
		Schema desired = new Schema(new TreeSet<>(List.of("public")), List.of(person), List.of(), List.of());
		return new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql()).diff(nothing, desired);
	}

}

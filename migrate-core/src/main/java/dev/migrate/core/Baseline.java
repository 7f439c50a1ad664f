package dev.migrate.core;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.migrate.core.changelog.ChangelogFormat;
import dev.migrate.core.changelog.Revisions;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.diff.SchemaDiffer;
import dev.migrate.core.diff.TableChange;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Sequence;
import dev.migrate.core.schema.Table;

/**
 * The baseline of a database adopted with its schema already there: the mapped tables as
 * the database has them (not as the entities want them; that difference is the next,
 * ordinary revision), as a revision that creates them from nothing.
 */
final class Baseline {

	private final Dialect dialect;

	private final DiffOptions options;

	Baseline(Dialect dialect, DiffOptions options) {
		this.dialect = dialect;
		this.options = options;
	}

	Optional<Path> write(Connection connection, Schema desired, Path changesDirectory, String logicalDirectory,
			String message, ChangelogFormat format) throws SQLException, IOException {
		Schema actual = this.dialect.readSchema(connection, desired.schemas(), MigrationRunner.LIQUIBASE_TABLES);
		Schema mapped = mapped(actual, desired);
		if (mapped.tables().isEmpty()) {
			return Optional.empty();
		}
		Schema nothing = new Schema(new TreeSet<>(List.of(this.dialect.defaultSchema())), List.of(), List.of(),
				List.of());
		// Online DDL would split the baseline into changesets that cannot share its
		// guard.
		SchemaDiff creation = inColumnOrder(
				new SchemaDiffer(this.options.withOnline(false), this.dialect).diff(nothing, mapped));
		List<QualifiedName> tables = mapped.tables().stream().map(Table::name).toList();
		return Optional.of(new Revisions(this.dialect).baseline(creation, tables, changesDirectory, logicalDirectory,
				message, Instant.now(), format));
	}

	/**
	 * Return the changes that create a schema read from a database with each table's
	 * columns in the order the database has them (which the read schema declares), not
	 * with the primary key first as for entities.
	 */
	static SchemaDiff inColumnOrder(SchemaDiff creation) {
		return new SchemaDiff(creation.changes()
			.stream()
			.map((change) -> (change instanceof TableChange.CreateTable create)
					? new TableChange.CreateTable(create.definition(), create.columnOrder(), false) : change)
			.toList(), creation.possibleRenames());
	}

	/**
	 * Return the part of the database's schema that the entities map: their tables (less
	 * foreign keys to tables outside them, which a new database would not have), their
	 * sequences and enum types, with what the database's schema declares (its column
	 * order, expressions as stored).
	 */
	static Schema mapped(Schema actual, Schema desired) {
		Set<QualifiedName> tables = desired.tables().stream().map(Table::name).collect(Collectors.toSet());
		Set<QualifiedName> sequences = desired.sequences().stream().map(Sequence::name).collect(Collectors.toSet());
		Set<QualifiedName> enumTypes = desired.enumTypes().stream().map(EnumType::name).collect(Collectors.toSet());
		List<Table> mappedTables = actual.tables()
			.stream()
			.filter((table) -> tables.contains(table.name()))
			.map((table) -> new Table(table.name(), table.columns(), table.primaryKey(), table.uniqueConstraints(),
					table.indexes(),
					table.foreignKeys()
						.stream()
						.filter((foreignKey) -> tables.contains(foreignKey.referencedTable()))
						.toList(),
					table.checks(), table.comment()))
			.toList();
		return new Schema(actual.schemas(), mappedTables,
				actual.sequences().stream().filter((sequence) -> sequences.contains(sequence.name())).toList(),
				actual.enumTypes().stream().filter((type) -> enumTypes.contains(type.name())).toList(),
				actual.declarations());
	}

}

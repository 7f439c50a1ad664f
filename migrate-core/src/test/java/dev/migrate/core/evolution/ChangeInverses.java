package dev.migrate.core.evolution;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.RenameHints;
import dev.migrate.core.diff.SchemaDiffer;
import dev.migrate.core.diff.TableChange;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;

/**
 * What a rollback does, next to what a diff in the other direction finds. Rollbacks are
 * written from each change's {@link Change#inverse() inverse}, in the reverse order of
 * the changes; both lists are described in a form where that order does not matter:
 * <ul>
 * <li>a table created or dropped is one change: its constraints, indexes and comments go
 * with it;</li>
 * <li>a schema created is left out: the inverse drops it, while a diff never drops
 * schemas;</li>
 * <li>an inverse that runs before the inverse of a table or column rename names the table
 * or column by its new name, where the diff in the other direction, which renames first,
 * names it by the old one.</li>
 * </ul>
 */
final class ChangeInverses {

	private ChangeInverses() {
	}

	/** Descriptions of the inverses of the changes from {@code v1} to {@code v2}. */
	static List<String> inverses(Schema v1, Schema v2, DiffOptions options) {
		// Generated revisions built v1: whatever of it v2 lacks is dropped.
		List<Change> changes = new SchemaDiffer(options.withDropUnmapped("*"), Dialects.postgresql()).diff(v1, v2)
			.changes();
		Map<QualifiedName, QualifiedName> renames = options.renames().tables();
		return withoutPartsOfNewTables(changes).stream().map((change) -> {
			String description = change.inverse().description();
			if (change instanceof TableChange.RenameTable || change instanceof TableChange.RenameColumn) {
				return description;
			}
			for (Map.Entry<Change.ColumnRef, String> rename : options.renames().columns().entrySet()) {
				if (change instanceof TableChange table && table.table().equals(rename.getKey().table())) {
					description = description.replaceAll("\\b" + Pattern.quote(rename.getValue()) + "\\b",
							rename.getKey().column());
				}
			}
			for (Map.Entry<QualifiedName, QualifiedName> rename : renames.entrySet()) {
				description = description.replaceAll(Pattern.quote(rename.getValue().toString()) + "(?!\\w)",
						rename.getKey().toString());
			}
			return description;
		}).toList();
	}

	/** Descriptions of the changes from {@code v2} back to {@code v1}. */
	static List<String> backwards(Schema v1, Schema v2, DiffOptions options) {
		List<Change> changes = new SchemaDiffer(reversed(options), Dialects.postgresql()).diff(v2, v1).changes();
		return withoutPartsOfNewTables(changes).stream().map(Change::description).toList();
	}

	/**
	 * The options that diff v2 to v1: every rename the other way, and anything v1 lacks
	 * may be dropped (it was created by the forward diff).
	 */
	static DiffOptions reversed(DiffOptions options) {
		RenameHints hints = RenameHints.none();
		for (Map.Entry<QualifiedName, QualifiedName> rename : options.renames().tables().entrySet()) {
			hints = hints.table(rename.getValue(), rename.getKey());
		}
		for (Map.Entry<Change.ColumnRef, String> rename : options.renames().columns().entrySet()) {
			QualifiedName table = RandomRenames.hintedFrom(options.renames(), rename.getKey().table());
			hints = hints.column(table, rename.getValue(), rename.getKey().column());
		}
		return new DiffOptions(List.of("*"), options.excludeTables(), hints, options.online()).withDropUnmapped("*");
	}

	/**
	 * Whether the diff in the other direction can rename back: not when v2 has a new
	 * table under a renamed table's old name (a swap, which no single rename expresses).
	 */
	static boolean reversible(Schema v2, DiffOptions options) {
		return options.renames().tables().keySet().stream().noneMatch((from) -> v2.table(from).isPresent());
	}

	private static List<Change> withoutPartsOfNewTables(List<Change> changes) {
		Set<QualifiedName> whole = new HashSet<>();
		changes.stream()
			.filter((change) -> change instanceof TableChange.CreateTable || change instanceof TableChange.DropTable)
			.forEach((change) -> whole.add(((TableChange) change).table()));
		// A column added nullable then made NOT NULL (a backfill) is one column added.
		Set<String> addedColumns = new HashSet<>();
		changes.stream()
			.filter(TableChange.AddColumn.class::isInstance)
			.map(TableChange.AddColumn.class::cast)
			.forEach((add) -> addedColumns.add(add.table() + "." + add.column().name()));
		return changes.stream()
			.filter((change) -> !(change instanceof TableChange.AlterNullability alter
					&& addedColumns.contains(alter.table() + "." + alter.column())))
			.filter((change) -> !(change instanceof Change.CreateSchema))
			.filter((change) -> change instanceof TableChange.CreateTable || change instanceof TableChange.DropTable
					|| !(change instanceof TableChange table) || !whole.contains(table.table()))
			.toList();
	}

}

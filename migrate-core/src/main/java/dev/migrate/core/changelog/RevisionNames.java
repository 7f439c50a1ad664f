package dev.migrate.core.changelog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.ConstraintChange;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.diff.TableChange;
import dev.migrate.core.schema.QualifiedName;

/**
 * Names a revision after what it does when the user gave it no message, e.g.
 * {@code create_users_and_posts}, {@code add_owners_email}, {@code drop_index_x},
 * {@code alter_posts} for mixed changes on one table, {@code alter_5_tables} for many:
 * short (at most {@value #MAX_LENGTH} characters), ASCII and the same for the same diff.
 */
final class RevisionNames {

	/** The longest name. */
	static final int MAX_LENGTH = 50;

	private RevisionNames() {
	}

	/**
	 * Return the name of a revision holding the given diff.
	 * @param diff the diff (not empty)
	 * @return the name, for the revision's file name
	 */
	static String of(SchemaDiff diff) {
		Map<QualifiedName, List<TableChange>> byTable = new LinkedHashMap<>();
		List<Change> others = new ArrayList<>();
		for (Change change : diff.changes()) {
			if (change instanceof TableChange table) {
				byTable.computeIfAbsent(table.table(), (name) -> new ArrayList<>()).add(table);
			}
			else if (!(change instanceof Change.CreateSchema)) {
				others.add(change);
			}
		}
		String name = name(byTable, others);
		if (name.length() <= MAX_LENGTH) {
			return name;
		}
		return (byTable.size() > 1) ? name.substring(0, name.indexOf('_')) + "_" + byTable.size() + "_tables"
				: name.substring(0, MAX_LENGTH).replaceAll("_+$", "");
	}

	private static String name(Map<QualifiedName, List<TableChange>> byTable, List<Change> others) {
		if (byTable.isEmpty()) {
			return others.isEmpty() ? "create_schema" : schemaWide(others);
		}
		List<String> tables = byTable.keySet().stream().map(RevisionNames::slug).toList();
		boolean onlyCreations = others.stream()
			.allMatch((change) -> change instanceof Change.CreateSequence || change instanceof Change.CreateEnumType);
		if (onlyCreations && byTable.values().stream().allMatch(has(TableChange.CreateTable.class))) {
			return "create_" + list(tables);
		}
		boolean onlyDrops = others.stream()
			.allMatch((change) -> change instanceof Change.DropSequence || change instanceof Change.DropEnumType);
		if (onlyDrops && byTable.values().stream().allMatch(has(TableChange.DropTable.class))) {
			return "drop_" + list(tables);
		}
		if (byTable.size() == 1 && others.isEmpty()) {
			return oneTable(tables.get(0), byTable.values().iterator().next());
		}
		return (byTable.size() == 2) ? "alter_" + list(tables) : "alter_" + byTable.size() + "_tables";
	}

	private static String oneTable(String table, List<TableChange> changes) {
		Set<String> added = changes.stream()
			.filter(TableChange.AddColumn.class::isInstance)
			.map((change) -> ((TableChange.AddColumn) change).column().name())
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
		Set<String> dropped = changes.stream()
			.filter(TableChange.DropColumn.class::isInstance)
			.map((change) -> ((TableChange.DropColumn) change).column().name())
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
		if (!added.isEmpty() && changes.stream().allMatch((change) -> partOfColumn(change, added))) {
			return "add_" + table + "_" + columns(added);
		}
		if (!dropped.isEmpty() && changes.stream()
			.allMatch((change) -> change instanceof TableChange.DropColumn
					|| (change instanceof TableChange.ColumnComment comment && dropped.contains(comment.column())))) {
			return "drop_" + table + "_" + columns(dropped);
		}
		if (changes.size() == 1) {
			TableChange change = changes.get(0);
			if (change instanceof ConstraintChange.DropIndex drop) {
				return "drop_index_" + slug(drop.index().name());
			}
			if (change instanceof ConstraintChange.CreateIndex create) {
				return "create_index_" + slug(create.index().name());
			}
			if (change instanceof TableChange.RenameColumn rename) {
				return "rename_" + table + "_" + slug(rename.from()) + "_to_" + slug(rename.to());
			}
			if (change instanceof TableChange.RenameTable rename) {
				return "rename_" + slug(rename.from()) + "_to_" + table;
			}
		}
		return "alter_" + table;
	}

	/**
	 * Whether a change adds one of the columns, or only finishes adding it (a NOT NULL
	 * after a backfill, a comment).
	 */
	private static boolean partOfColumn(TableChange change, Set<String> added) {
		return change instanceof TableChange.AddColumn
				|| (change instanceof TableChange.AlterNullability nullability && added.contains(nullability.column()))
				|| (change instanceof TableChange.ColumnComment comment && added.contains(comment.column()));
	}

	private static String schemaWide(List<Change> changes) {
		if (changes.size() == 1) {
			Change change = changes.get(0);
			if (change instanceof Change.CreateSequence create) {
				return "create_sequence_" + slug(create.sequence().name());
			}
			if (change instanceof Change.AlterSequence alter) {
				return "alter_sequence_" + slug(alter.to().name());
			}
			if (change instanceof Change.DropSequence drop) {
				return "drop_sequence_" + slug(drop.sequence().name());
			}
			if (change instanceof Change.CreateEnumType create) {
				return "create_type_" + slug(create.type().name());
			}
			if (change instanceof Change.ChangeEnumLabels labels) {
				return "alter_type_" + slug(labels.to().name());
			}
			if (change instanceof Change.DropEnumType drop) {
				return "drop_type_" + slug(drop.type().name());
			}
		}
		return "alter_types_and_sequences";
	}

	private static Predicate<List<TableChange>> has(Class<? extends TableChange> type) {
		return (changes) -> changes.stream().anyMatch(type::isInstance);
	}

	/** {@code a}, {@code a_and_b}, {@code a_b_and_c}. */
	private static String list(List<String> names) {
		if (names.size() == 1) {
			return names.get(0);
		}
		if (names.size() > 3) {
			return names.size() + "_tables";
		}
		return String.join("_", names.subList(0, names.size() - 1)) + "_and_" + names.get(names.size() - 1);
	}

	private static String columns(Set<String> columns) {
		List<String> names = columns.stream().map(RevisionNames::slug).toList();
		return (names.size() <= 2) ? String.join("_and_", names) : names.size() + "_columns";
	}

	private static String slug(QualifiedName name) {
		return slug(name.name());
	}

	private static String slug(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
	}

}

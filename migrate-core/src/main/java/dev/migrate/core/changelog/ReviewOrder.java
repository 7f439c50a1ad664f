package dev.migrate.core.changelog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.Phase;
import dev.migrate.core.diff.TableChange;

/**
 * Orders a diff's changes so that each table's changes sit together, for a revision that
 * reads one table at a time: a new table with its keys, indexes, checks and comments; an
 * altered table's new and altered columns with its new constraints. The diff's order (by
 * phase) is kept where it matters across tables: schemas, types and sequences first;
 * renames and the drops of foreign keys, constraints and indexes before anything is
 * added; foreign keys after every table they need; dropped columns, tables, types and
 * schemas last. Within the table part, one table's changes depend only on each other (a
 * foreign key, which spans two tables, comes later), so moving them together keeps every
 * change after what it needs.
 */
final class ReviewOrder {

	private ReviewOrder() {
	}

	static List<Change> of(List<Change> changes) {
		Map<Double, List<Change>> byStage = new java.util.TreeMap<>();
		for (Change change : changes) {
			byStage.computeIfAbsent(stage(change), (stage) -> new ArrayList<>()).add(change);
		}
		List<Change> ordered = new ArrayList<>();
		byStage.values().forEach((stage) -> ordered.addAll(byTable(stage)));
		return ordered;
	}

	/**
	 * The stage a change runs in: the diff's phases, with creating tables, adding and
	 * altering columns, adding constraints and indexes and setting comments merged into
	 * one stage where each table's changes are grouped, and dropping columns moved after
	 * it (nothing added to a table needs one of its columns gone) but before foreign keys
	 * are added.
	 */
	private static double stage(Change change) {
		Phase phase = change.phase();
		if (phase == Phase.CREATE_TABLES || phase == Phase.ADD_AND_ALTER_COLUMNS
				|| phase == Phase.ADD_CONSTRAINTS_AND_INDEXES || phase == Phase.COMMENTS) {
			return Phase.CREATE_TABLES.ordinal();
		}
		if (phase == Phase.DROP_COLUMNS) {
			return Phase.ADD_FOREIGN_KEYS.ordinal() - 0.5;
		}
		return phase.ordinal();
	}

	/**
	 * Stable: each table's changes keep their order, tables come in the order they first
	 * appear.
	 */
	private static List<Change> byTable(List<Change> stage) {
		Map<Object, Integer> first = new LinkedHashMap<>();
		for (Change change : stage) {
			first.putIfAbsent(key(change), first.size());
		}
		List<Change> sorted = new ArrayList<>(stage);
		sorted.sort(Comparator.comparingInt((Change change) -> first.get(key(change))));
		return sorted;
	}

	static Object key(Change change) {
		return (change instanceof TableChange table) ? table.table() : change;
	}

}

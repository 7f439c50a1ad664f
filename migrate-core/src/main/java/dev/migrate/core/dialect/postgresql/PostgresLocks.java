package dev.migrate.core.dialect.postgresql;

import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.ConstraintChange;
import dev.migrate.core.diff.Safety;
import dev.migrate.core.diff.TableChange;

/**
 * Which lock each change takes on PostgreSQL and how long it may hold it, as the
 * PostgreSQL documentation of each statement gives it, for the reviewer of a revision.
 */
final class PostgresLocks {

	private static final String NONE = "no lock that other sessions wait for";

	private static final String BRIEF = "ACCESS EXCLUSIVE, brief (catalog only)";

	private static final String CONCURRENT_BUILD = "SHARE UPDATE EXCLUSIVE while the index builds concurrently"
			+ " (reads and writes go on)";

	private static final String VALIDATE = "SHARE UPDATE EXCLUSIVE while it validates (reads and writes go on)";

	private PostgresLocks() {
	}

	static String of(Change change) {
		if (change instanceof Change.CreateSchema || change instanceof Change.CreateEnumType
				|| change instanceof TableChange.CreateTable) {
			return NONE;
		}
		if (change instanceof Change.ChangeEnumLabels labels) {
			return labels.onlyAddsLabels() ? "a brief lock on the type"
					: "ACCESS EXCLUSIVE on every table using the type, rewrites them";
		}
		return (change instanceof TableChange table) ? table(table) : BRIEF;
	}

	private static String table(TableChange change) {
		if (change instanceof ConstraintChange constraint) {
			return constraint(constraint);
		}
		if (change instanceof TableChange.AddColumn add) {
			return (add.classification().safety() == Safety.LOCKING) ? "ACCESS EXCLUSIVE, rewrites the table" : BRIEF;
		}
		if (change instanceof TableChange.AlterColumnType alter) {
			return (alter.classification().safety() == Safety.SAFE) ? BRIEF
					: "ACCESS EXCLUSIVE, rewrites or scans the table and rebuilds its indexes";
		}
		if (change instanceof TableChange.AlterNullability alter && !alter.nullable()) {
			String backfill = (alter.backfill() != null) ? "ROW EXCLUSIVE while NULLs are replaced, then " : "";
			return backfill + (alter.online() ? "ACCESS EXCLUSIVE briefly, " + VALIDATE
					: "ACCESS EXCLUSIVE while it scans the table");
		}
		if (change instanceof TableChange.TableComment || change instanceof TableChange.ColumnComment) {
			return "SHARE UPDATE EXCLUSIVE, brief";
		}
		return BRIEF;
	}

	private static String constraint(ConstraintChange change) {
		if (change instanceof ConstraintChange.AddPrimaryKey add) {
			return usingIndex(add.newTable(), add.online());
		}
		if (change instanceof ConstraintChange.AddUnique add) {
			return usingIndex(add.newTable(), add.online());
		}
		if (change instanceof ConstraintChange.CreateIndex create) {
			return create.newTable() ? NONE
					: create.concurrently() ? CONCURRENT_BUILD : "SHARE while the index builds (blocks writes)";
		}
		if (change instanceof ConstraintChange.ReplaceIndex) {
			return CONCURRENT_BUILD + ", then a brief rename";
		}
		if (change instanceof ConstraintChange.DropIndex drop) {
			return drop.concurrently() ? "SHARE UPDATE EXCLUSIVE (dropped concurrently)" : BRIEF;
		}
		if (change instanceof ConstraintChange.AddCheck add) {
			return add.newTable() ? NONE : add.online() ? "ACCESS EXCLUSIVE briefly (NOT VALID), then " + VALIDATE
					: "ACCESS EXCLUSIVE while it scans the table";
		}
		if (change instanceof ConstraintChange.AddForeignKey add) {
			return add.newTable() ? NONE
					: add.newColumns() ? "SHARE ROW EXCLUSIVE on both tables, brief (the new columns hold only NULLs)"
							: add.online() ? "SHARE ROW EXCLUSIVE on both tables briefly (NOT VALID), then " + VALIDATE
									: "SHARE ROW EXCLUSIVE on both tables while it scans (blocks writes)";
		}
		return BRIEF;
	}

	private static String usingIndex(boolean newTable, boolean online) {
		return newTable ? NONE : online ? CONCURRENT_BUILD + ", then ACCESS EXCLUSIVE briefly to attach it"
				: "ACCESS EXCLUSIVE while the index builds";
	}

}

package dev.migrate.core.runner;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.migrate.core.changelog.Revisions;
import dev.migrate.core.dialect.Dialect;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.AddUniqueConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.changelog.ChangeSet;
import liquibase.precondition.core.PreconditionContainer;

/**
 * The names of the indexes and constraints that generated revisions created: the entities
 * declared them, so the diff may drop one when the entities stop declaring it. Baselines
 * and squashes (guarded to be marked as ran) do not count: they copy whatever the
 * database had, including what was written by hand; nor do changesets someone else wrote.
 */
final class CreatedObjects {

	private CreatedObjects() {
	}

	/**
	 * Return the names of the indexes and constraints the generated changesets create.
	 * @param changeSets the changelog's changesets
	 * @param dialect the database's dialect, which reads the names in SQL changes
	 * @return the names, as the catalog has them
	 */
	static Set<String> of(List<ChangeSet> changeSets, Dialect dialect) {
		Set<String> names = new TreeSet<>();
		for (ChangeSet changeSet : changeSets) {
			if (!Revisions.AUTHOR.equals(changeSet.getAuthor()) || markedRanWhereItExists(changeSet)) {
				continue;
			}
			for (Change change : changeSet.getChanges()) {
				if (change instanceof CreateIndexChange index) {
					add(names, index.getIndexName());
				}
				else if (change instanceof AddUniqueConstraintChange unique) {
					add(names, unique.getConstraintName());
				}
				else if (change instanceof AddForeignKeyConstraintChange fk) {
					add(names, fk.getConstraintName());
				}
				else if (change instanceof AbstractSQLChange sql && sql.getSql() != null) {
					names.addAll(dialect.namesCreatedBy(sql.getSql()));
				}
			}
		}
		return names;
	}

	private static boolean markedRanWhereItExists(ChangeSet changeSet) {
		return changeSet.getPreconditions() != null
				&& changeSet.getPreconditions().getOnFail() == PreconditionContainer.FailOption.MARK_RAN;
	}

	private static void add(Set<String> names, String name) {
		if (name == null) {
			return;
		}
		// A structured change's name is quoted as written.
		names.add(name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name);
	}

}

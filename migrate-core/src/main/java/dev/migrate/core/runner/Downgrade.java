package dev.migrate.core.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrate.core.exception.MigrateException;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.DatabaseChangeLog;

/**
 * The downgrade command: rolls back the last N applied revisions, or every revision
 * applied after one, newest first.
 */
final class Downgrade {

	private final LiquibaseSession session;

	Downgrade(LiquibaseSession session) {
		this.session = session;
	}

	List<AppliedChangeSet> last(int revisions) {
		return this.session.run(true, (liquibase, changelog) -> {
			List<AppliedChangeSet> newestFirst = new ArrayList<>(changelog.applied());
			Collections.reverse(newestFirst);
			Set<String> files = new LinkedHashSet<>();
			List<AppliedChangeSet> rolledBack = new ArrayList<>();
			for (AppliedChangeSet changeSet : newestFirst) {
				if (!files.contains(changeSet.file()) && files.size() == revisions) {
					break;
				}
				files.add(changeSet.file());
				rolledBack.add(changeSet);
			}
			return rollback(liquibase, rolledBack);
		});
	}

	List<AppliedChangeSet> to(String revision) {
		return this.session.run(true, (liquibase, changelog) -> {
			List<AppliedChangeSet> applied = changelog.applied();
			int keep = 0;
			if (!revision.equals("base")) {
				Revision target = changelog.revision(revision);
				for (int i = 0; i < applied.size(); i++) {
					if (DatabaseChangeLog.normalizePath(applied.get(i).file())
						.equals(DatabaseChangeLog.normalizePath(target.file()))) {
						keep = i + 1;
					}
				}
				if (keep == 0) {
					throw new MigrateException("Revision " + target.name() + " is not applied");
				}
			}
			List<AppliedChangeSet> rolledBack = new ArrayList<>(applied.subList(keep, applied.size()));
			Collections.reverse(rolledBack);
			return rollback(liquibase, rolledBack);
		});
	}

	private List<AppliedChangeSet> rollback(Liquibase liquibase, List<AppliedChangeSet> changeSets) throws Exception {
		if (!changeSets.isEmpty()) {
			liquibase.rollback(changeSets.size(), new Contexts(), new LabelExpression());
		}
		return changeSets;
	}

}

package dev.migrate.core.changelog;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liquibase.change.Change;
import liquibase.change.AbstractSQLChange;
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
public final class CreatedObjects {

	private static final String NAME = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)";

	private static final Pattern CREATED = Pattern
		.compile("(?i)\\bCREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+" + "(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?"
				+ NAME + "|\\bADD\\s+CONSTRAINT\\s+" + NAME + "|\\bRENAME\\s+(?:CONSTRAINT\\s+\\S+\\s+)?TO\\s+" + NAME);

	private CreatedObjects() {
	}

	/**
	 * Return the names of the indexes and constraints the generated changesets create.
	 * @param changeSets the changelog's changesets
	 * @return the names, as the catalog has them
	 */
	public static Set<String> of(List<ChangeSet> changeSets) {
		Set<String> names = new TreeSet<>();
		for (ChangeSet changeSet : changeSets) {
			if (!ChangeSetWriter.AUTHOR.equals(changeSet.getAuthor()) || markedRanWhereItExists(changeSet)) {
				continue;
			}
			for (Change change : changeSet.getChanges()) {
				if (change instanceof CreateIndexChange index) {
					add(names, index.getIndexName(), true);
				}
				else if (change instanceof AddUniqueConstraintChange unique) {
					add(names, unique.getConstraintName(), true);
				}
				else if (change instanceof AddForeignKeyConstraintChange fk) {
					add(names, fk.getConstraintName(), true);
				}
				else if (change instanceof AbstractSQLChange sql && sql.getSql() != null) {
					Matcher matcher = CREATED.matcher(sql.getSql());
					while (matcher.find()) {
						for (int group = 1; group <= matcher.groupCount(); group++) {
							if (matcher.group(group) != null) {
								add(names, matcher.group(group), false);
							}
						}
					}
				}
			}
		}
		return names;
	}

	private static boolean markedRanWhereItExists(ChangeSet changeSet) {
		return changeSet.getPreconditions() != null
				&& changeSet.getPreconditions().getOnFail() == PreconditionContainer.FailOption.MARK_RAN;
	}

	private static void add(Set<String> names, String name, boolean asWritten) {
		if (name == null) {
			return;
		}
		if (name.startsWith("\"")) {
			names.add(name.substring(1, name.length() - 1).replace("\"\"", "\""));
		}
		else {
			// A structured change's name is quoted as written; an unquoted SQL name is
			// folded to lower case by PostgreSQL.
			names.add(asWritten ? name : name.toLowerCase(java.util.Locale.ROOT));
		}
	}

}

package dev.migrate.core.changelog;

import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.Safety;
import liquibase.Labels;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.precondition.core.ChangeLogPropertyDefinedPrecondition;
import liquibase.precondition.core.PreconditionContainer;

/**
 * The contract that keeps destructive changes from running unless the user allows them,
 * shared by the writer of revisions and the runner: a changeset with a destructive change
 * is labelled {@value #LABEL} and guarded by a precondition that halts unless the
 * changelog property {@value #ALLOW_PROPERTY} is {@code true}; the runner recognizes the
 * label to hold such a changeset back, and sets the property when the user allows it.
 * Plain Liquibase, which knows neither, still stops at the precondition.
 */
final class DestructiveGuard {

	/** The label of changesets with a destructive change. */
	static final String LABEL = "destructive";

	/** The changelog property that lets destructive changesets run. */
	static final String ALLOW_PROPERTY = "migrate.allow-destructive";

	private DestructiveGuard() {
	}

	/**
	 * Return whether a change destroys data, so that its changeset must be guarded.
	 */
	static boolean isDestructive(Change change) {
		return change.classification().safety() == Safety.DESTRUCTIVE;
	}

	/**
	 * Label a changeset as destructive and guard it.
	 */
	static void mark(ChangeSet changeSet) {
		changeSet.setLabels(new Labels(LABEL));
		ChangeLogPropertyDefinedPrecondition allowed = new ChangeLogPropertyDefinedPrecondition();
		allowed.setProperty(ALLOW_PROPERTY);
		allowed.setValue("true");
		PreconditionContainer preconditions = new PreconditionContainer();
		preconditions.setOnFail(PreconditionContainer.FailOption.HALT);
		preconditions.setOnFailMessage("Destructive change: it runs only with " + ALLOW_PROPERTY + "=true");
		preconditions.addNestedPrecondition(allowed);
		changeSet.setPreconditions(preconditions);
	}

	/**
	 * Return the guard as Liquibase's formatted SQL writes preconditions, which has no
	 * property precondition: a check of the substituted property instead.
	 */
	static String formattedSql() {
		return "-- preconditions onFail:HALT onError:HALT\n"
				+ "-- precondition-sql-check expectedResult:1 SELECT CASE WHEN '${" + ALLOW_PROPERTY
				+ "}' = 'true' THEN 1 ELSE 0 END\n";
	}

	/**
	 * Return whether a changeset was marked destructive.
	 * @param changeSet the changeset, as Liquibase read it
	 * @return whether it is destructive
	 */
	static boolean isMarked(ChangeSet changeSet) {
		return changeSet.getLabels() != null && changeSet.getLabels().getLabels().contains(LABEL);
	}

	/**
	 * Let the destructive changesets of a changelog run.
	 * @param liquibase the Liquibase instance that runs the changelog
	 */
	static void allow(Liquibase liquibase) {
		liquibase.setChangeLogParameter(ALLOW_PROPERTY, "true");
	}

}

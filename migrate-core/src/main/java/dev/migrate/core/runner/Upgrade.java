package dev.migrate.core.runner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrate.core.exception.MigrateException;
import liquibase.Liquibase;

/**
 * The upgrade command: applies pending revisions (the next N, or up to one), holding back
 * destructive changesets and those that depend on them unless destructive changes are
 * allowed, and records the changelog's fingerprint for the next start's shortcut.
 */
final class Upgrade {

	private final LiquibaseSession session;

	private final Fingerprints fingerprints;

	Upgrade(LiquibaseSession session, Fingerprints fingerprints) {
		this.session = session;
		this.fingerprints = fingerprints;
	}

	UpgradeResult next(int revisions) {
		return this.session.run(true, false, (liquibase, changelog) -> {
			List<Revision> pending = changelog.pendingRevisions();
			return apply(liquibase, changelog, pending.subList(0, Math.min(revisions, pending.size())));
		});
	}

	UpgradeResult to(String revision) {
		return this.session.run(true, false, (liquibase, changelog) -> {
			Revision target = changelog.revision(revision);
			List<Revision> pending = changelog.pendingRevisions();
			int end = pending.indexOf(target);
			if (end < 0) {
				List<Revision> applied = changelog.appliedRevisions();
				throw new MigrateException(
						"Revision " + target.name() + " is already applied; the database is at revision "
								+ (applied.isEmpty() ? "(none)" : applied.get(applied.size() - 1).name())
								+ ((pending.isEmpty()) ? ", nothing is pending"
										: ", with " + pending.size() + " revision(s) pending: "
												+ pending.stream().map(Revision::name).toList())
								+ ". Nothing was applied. To go back to " + target.name()
								+ ", downgrade to it (migrate.command=downgrade with migrate.tag=" + target.name()
								+ "); to apply what is pending, upgrade without a revision.");
			}
			return apply(liquibase, changelog, pending.subList(0, end + 1));
		});
	}

	private UpgradeResult apply(Liquibase liquibase, Changelog changelog, List<Revision> revisions) throws Exception {
		Set<String> selected = new LinkedHashSet<>();
		revisions.forEach((revision) -> revision.changeSets().forEach((changeSet) -> selected.add(changeSet.key())));
		Set<String> heldBack = new HashSet<>();
		changelog.heldBack(this.session.options().allowDestructive())
			.forEach((changeSet) -> heldBack.add(changeSet.key()));
		List<ChangeSetRef> toApply = new ArrayList<>();
		List<ChangeSetRef> blocked = new ArrayList<>();
		for (ChangeSetRef changeSet : changelog.pending()) {
			if (selected.contains(changeSet.key())) {
				(heldBack.contains(changeSet.key()) ? blocked : toApply).add(changeSet);
			}
		}
		if (toApply.isEmpty() || !blocked.isEmpty()) {
			// Liquibase's update validates the changelog it runs; held-back changesets
			// leave it, so they are validated here first.
			this.session.validate(liquibase);
		}
		Changelog after = changelog;
		if (!blocked.isEmpty()) {
			// Held back per dependency, not by position: Liquibase runs the next pending
			// changesets of the changelog it parsed, so the held-back ones leave it.
			Set<String> held = new HashSet<>();
			blocked.forEach((changeSet) -> held.add(changeSet.key()));
			liquibase.getDatabaseChangeLog()
				.getChangeSets()
				.removeIf((changeSet) -> held
					.contains(Changelog.key(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor())));
		}
		if (!toApply.isEmpty()) {
			try {
				new RetryingUpdate(liquibase, LiquibaseSession.connection(liquibase),
						this.session.dialect(LiquibaseSession.connection(liquibase)).locking(), this.session.options())
					.apply(changelog, toApply);
			}
			catch (Exception ex) {
				throw new UpgradeFailure(ex,
						UpgradeFailure.appliedBefore(LiquibaseSession.connection(liquibase), changelog, toApply));
			}
			after = changelog.reread(LiquibaseSession.connection(liquibase));
		}
		this.fingerprints.recordUnchanged(LiquibaseSession.connection(liquibase), after);
		// What the history says ran, not what was asked for: a changeset whose
		// precondition said CONTINUE stays pending.
		Set<String> stillPending = new HashSet<>();
		after.pending().forEach((changeSet) -> stillPending.add(changeSet.key()));
		List<ChangeSetRef> applied = toApply.stream()
			.filter((changeSet) -> !stillPending.contains(changeSet.key()))
			.toList();
		return new UpgradeResult(applied, blocked,
				after.status(this.session.schema(liquibase), this.session.options().allowDestructive()));
	}

}

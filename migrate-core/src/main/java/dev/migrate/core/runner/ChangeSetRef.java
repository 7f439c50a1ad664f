package dev.migrate.core.runner;

/**
 * A changeset of the changelog.
 *
 * @param file the changeset's (logical) file, which is its revision
 * @param id the changeset id
 * @param author the changeset author
 * @param destructive whether it is labelled destructive
 * @param description what it does
 */
public record ChangeSetRef(String file, String id, String author, boolean destructive, String description) {

	String key() {
		return Changelog.key(this.file, this.id, this.author);
	}

	@Override
	public String toString() {
		return key();
	}

}

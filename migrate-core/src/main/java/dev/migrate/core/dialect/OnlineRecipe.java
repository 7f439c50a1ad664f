package dev.migrate.core.dialect;

import java.util.List;

/**
 * A change split into statements that each commit on their own, so that the long part
 * runs under a lock that lets reads and writes go on. Every statement can run again after
 * a failure, because a changeset that runs outside a transaction is run again from its
 * start.
 *
 * @param name what it does, for the changeset's comment
 * @param statements its statements, each committed on its own
 */
public record OnlineRecipe(String name, List<String> statements) {

}

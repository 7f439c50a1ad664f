package dev.migrate.core.changelog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.RollbackContainer;
import liquibase.precondition.Precondition;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.serializer.LiquibaseSerializable;
import liquibase.serializer.core.yaml.YamlChangeLogSerializer;

/**
 * Liquibase's YAML changelog serializer, except where Liquibase 5.0 writes what its own
 * YAML parser does not read back:
 * <ul>
 * <li>a rollback is written as {@code rollback: {rollback: {changes: [...]}}}, which the
 * parser rejects ("Unknown change type 'rollback'"); here it is the list of changes the
 * parser expects;</li>
 * <li>preconditions are written as {@code preconditions: {preConditions:
 * {nestedPreconditions: [...]}}}, which the parser silently ignores, so that a
 * destructive changeset ran unguarded from plain Liquibase; here they are the
 * {@code preConditions: [{onFail: HALT}, ..., {changeLogPropertyDefined: ...}]} list the
 * parser reads.</li>
 * </ul>
 */
final class RevisionYamlSerializer extends YamlChangeLogSerializer {

	@Override
	@SuppressWarnings("unchecked")
	protected Object toMap(LiquibaseSerializable object) {
		if (object instanceof RollbackContainer rollback) {
			List<Object> changes = rollback.getChanges().stream().map(this::toMap).toList();
			return changes;
		}
		Object map = super.toMap(object);
		if (object instanceof ChangeSet changeSet && changeSet.getPreconditions() != null
				&& map instanceof Map<?, ?> wrapper
				&& wrapper.get(changeSet.getSerializedObjectName()) instanceof Map<?, ?> fields) {
			Map<String, Object> changeSetFields = (Map<String, Object>) fields;
			changeSetFields.remove("preconditions");
			changeSetFields.put("preConditions", preconditions(changeSet.getPreconditions()));
		}
		return map;
	}

	private List<Object> preconditions(PreconditionContainer container) {
		List<Object> entries = new ArrayList<>();
		entries.add(Map.of("onFail", container.getOnFail().name()));
		entries.add(Map.of("onError", container.getOnError().name()));
		if (container.getOnFailMessage() != null) {
			entries.add(Map.of("onFailMessage", container.getOnFailMessage()));
		}
		if (container.getOnErrorMessage() != null) {
			entries.add(Map.of("onErrorMessage", container.getOnErrorMessage()));
		}
		for (Precondition precondition : container.getNestedPreconditions()) {
			entries.add(toMap(precondition));
		}
		return entries;
	}

}

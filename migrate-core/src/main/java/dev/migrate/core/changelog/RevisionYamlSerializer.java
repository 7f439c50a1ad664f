package dev.migrate.core.changelog;

import java.util.List;

import liquibase.changelog.RollbackContainer;
import liquibase.serializer.LiquibaseSerializable;
import liquibase.serializer.core.yaml.YamlChangeLogSerializer;

/**
 * Liquibase's YAML changelog serializer, except for rollbacks: Liquibase 5.0 writes a
 * rollback as {@code rollback: {rollback: {changes: [...]}}}, which its own YAML parser
 * rejects ("Unknown change type 'rollback'"). Here a rollback is written as the list of
 * changes the parser expects.
 */
final class RevisionYamlSerializer extends YamlChangeLogSerializer {

	@Override
	protected Object toMap(LiquibaseSerializable object) {
		if (object instanceof RollbackContainer rollback) {
			List<Object> changes = rollback.getChanges().stream().map(this::toMap).toList();
			return changes;
		}
		return super.toMap(object);
	}

}

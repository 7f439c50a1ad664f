package dev.migrate.hibernate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.schema.Declarations;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Sequence;
import dev.migrate.core.schema.Table;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.cfg.AvailableSettings;
import org.jspecify.annotations.Nullable;

/**
 * Reads the desired {@link Schema} from JPA entity classes through Hibernate's boot
 * metadata, honouring the given Hibernate settings (naming strategies, default schema,
 * dialect). No database connection is opened.
 */
public final class EntitySchemaReader {

	private final Dialect dialect;

	public EntitySchemaReader(Dialect dialect) {
		this.dialect = dialect;
	}

	/**
	 * Read the schema that the given entities map to.
	 * @param entityClasses the entity classes (and embeddables, mapped superclasses)
	 * @param hibernateSettings Hibernate settings as the application uses them at run
	 * time
	 * @return the desired schema
	 * @throws EntityMappingException if Hibernate rejects the entities
	 */
	public Schema read(Collection<Class<?>> entityClasses, Map<String, ?> hibernateSettings) {
		try (HibernateMetadata hibernate = HibernateMetadata.build(entityClasses, hibernateSettings,
				this.dialect.hibernateDatabaseName())) {
			return read(hibernate.metadata(), defaultSchema(hibernateSettings));
		}
	}

	/**
	 * Return a digest of what {@link #read(Collection, Map)} depends on, computed without
	 * building Hibernate's metadata (milliseconds, not the second the read takes): equal
	 * fingerprints mean the read returns the same schema, so a caller may keep what it
	 * learned from an earlier read.
	 * @param entityClasses the entity classes (and embeddables, mapped superclasses)
	 * @param hibernateSettings Hibernate settings as the application uses them at run
	 * time
	 * @return the fingerprint, or {@code null} if one cannot be told (a class that cannot
	 * be read), when the entities must be read
	 */
	public @Nullable String fingerprint(Collection<Class<?>> entityClasses, Map<String, ?> hibernateSettings) {
		return EntityFingerprint.of(entityClasses, hibernateSettings);
	}

	Schema read(Metadata metadata, String defaultSchema) {
		TableMapper tables = new TableMapper(this.dialect, metadata, defaultSchema);
		EnumTypes enumTypes = new EnumTypes(metadata, defaultSchema, tables);
		List<Table> tableList = new ArrayList<>();
		List<Sequence> sequences = new ArrayList<>();
		for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
			String schema = tables.schemaName(namespace.getPhysicalName().schema());
			for (org.hibernate.mapping.Table table : namespace.getTables()) {
				if (table.isPhysicalTable() && !table.isView()) {
					tableList.add(tables.map(table, enumTypes));
				}
			}
			for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
				sequences.add(new Sequence(
						new dev.migrate.core.schema.QualifiedName(schema,
								tables.identifier(sequence.getName().getSequenceName())),
						sequence.getInitialValue(), sequence.getIncrementSize()));
			}
		}
		List<EnumType> enums = enumTypes.all();
		TreeSet<String> schemas = new TreeSet<>();
		schemas.add(defaultSchema);
		tableList.forEach((table) -> schemas.add(table.name().schema()));
		sequences.forEach((sequence) -> schemas.add(sequence.name().schema()));
		enums.forEach((type) -> schemas.add(type.name().schema()));
		return new Schema(schemas, tableList, sequences, enums,
				new Declarations(DeclaredRenames.of(metadata, tables), tables.declaredExpressions(),
						DeclaredColumnOrder.of(metadata, tables), DeclaredRenames.backfills(metadata, tables)));
	}

	private String defaultSchema(Map<String, ?> settings) {
		Object schema = settings.get(AvailableSettings.DEFAULT_SCHEMA);
		if (schema == null || schema.toString().isBlank()) {
			return this.dialect.defaultSchema();
		}
		return TableMapper.identifier(Identifier.toIdentifier(schema.toString()), this.dialect);
	}

}

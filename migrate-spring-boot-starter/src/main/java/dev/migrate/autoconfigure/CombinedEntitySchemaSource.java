package dev.migrate.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.migrate.autoconfigure.relational.RelationalSchemaSource;
import dev.migrate.core.schema.Declarations;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Sequence;
import dev.migrate.core.schema.Table;
import dev.migrate.relational.RelationalMappingException;
import dev.migrate.relational.RelationalTables;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotations;

/**
 * The desired schema of an application's JPA entities (if any) together with that of its
 * Spring Data Relational aggregates (if any). A table mapped twice is an error that names
 * both mappings: Migrate cannot tell which one the database should follow.
 */
final class CombinedEntitySchemaSource implements EntitySchemaSource {

	private final @Nullable EntitySchemaSource jpa;

	private final List<RelationalSchemaSource> relational;

	CombinedEntitySchemaSource(@Nullable EntitySchemaSource jpa, List<RelationalSchemaSource> relational) {
		this.jpa = jpa;
		this.relational = relational;
	}

	/**
	 * Return the source to use: a user-defined one as it is, otherwise the JPA entities
	 * and the Spring Data Relational aggregates together.
	 */
	static EntitySchemaSource of(@Nullable EntitySchemaSource defined, @Nullable EntitySchemaSource jpaDefault,
			List<RelationalSchemaSource> relational) {
		if (defined != null && !(defined instanceof JpaEntitySchemaSource)) {
			return defined;
		}
		EntitySchemaSource jpa = (defined != null) ? defined : jpaDefault;
		if (relational.isEmpty()) {
			return (jpa != null) ? jpa : () -> null;
		}
		return new CombinedEntitySchemaSource(jpa, relational);
	}

	@Override
	public @Nullable Schema desiredSchema() {
		Schema jpaSchema = (this.jpa != null) ? this.jpa.desiredSchema() : null;
		Map<QualifiedName, String> mappings = new LinkedHashMap<>();
		List<Table> tables = new ArrayList<>();
		List<Sequence> sequences = new ArrayList<>();
		TreeSet<String> schemas = new TreeSet<>();
		if (jpaSchema != null) {
			jpaSchema.tables().forEach((table) -> mappings.put(table.name(), null));
			tables.addAll(jpaSchema.tables());
			sequences.addAll(jpaSchema.sequences());
			schemas.addAll(jpaSchema.schemas());
		}
		boolean relationalTables = false;
		List<String> renames = new ArrayList<>();
		Map<String, String> backfills = new LinkedHashMap<>();
		for (RelationalSchemaSource source : this.relational) {
			RelationalTables result = source.read();
			renames.addAll(result.renames());
			backfills.putAll(result.backfills());
			for (RelationalTables.MappedTable mapped : result.tables()) {
				String mapping = source.store() + " " + mapped.mapping();
				QualifiedName name = mapped.table().name();
				if (mappings.containsKey(name)) {
					String other = mappings.get(name);
					throw new RelationalMappingException("Table " + name + " is mapped twice: by "
							+ ((other != null) ? other : jpaMapping(name)) + " and by " + mapping);
				}
				mappings.put(name, mapping);
				tables.add(mapped.table());
				schemas.add(name.schema());
				relationalTables = true;
			}
			result.sequences()
				.stream()
				.filter((sequence) -> sequences.stream().noneMatch((s) -> s.name().equals(sequence.name())))
				.forEach((sequence) -> {
					sequences.add(sequence);
					schemas.add(sequence.name().schema());
				});
		}
		if (!relationalTables) {
			return jpaSchema;
		}
		schemas.add(dev.migrate.core.dialect.Dialects.postgresql().defaultSchema());
		// What the JPA entities declare about themselves (renames, expressions as
		// written,
		// column order, backfills) and what the Spring Data mappings declare, together.
		Declarations jpa = (jpaSchema != null) ? jpaSchema.declarations() : Declarations.none();
		renames.addAll(0, jpa.renames());
		backfills.putAll(jpa.backfills());
		return new Schema(schemas, tables, sequences, (jpaSchema != null) ? jpaSchema.enumTypes() : List.of(),
				new Declarations(renames, jpa.expressions(), jpa.columnOrder(), backfills));
	}

	@Override
	public @Nullable String fingerprint() {
		String jpa = null;
		if (this.jpa != null) {
			jpa = this.jpa.fingerprint();
			if (jpa == null) {
				return null;
			}
		}
		// Reading Spring Data mappings takes milliseconds: the fingerprint is what they
		// map
		// to, so that an unchanged mapping still skips reading the database's catalog.
		StringBuilder text = new StringBuilder(String.valueOf(jpa));
		for (RelationalSchemaSource source : this.relational) {
			text.append('\n').append(mapping(source.read()));
		}
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What Spring Data maps to, written the same in every JVM: the backfills' map, an
	 * immutable copy, iterates in an order that differs from one JVM to the next.
	 */
	static String mapping(RelationalTables tables) {
		return tables.tables() + "\n" + tables.sequences() + "\n" + tables.renames() + "\n"
				+ new TreeMap<>(tables.backfills());
	}

	private String jpaMapping(QualifiedName table) {
		Collection<Class<?>> classes = (this.jpa instanceof JpaEntitySchemaSource source) ? source.entityClasses()
				: (this.jpa instanceof ScannedEntitySchemaSource source) ? source.entityClasses() : List.of();
		for (Class<?> type : classes) {
			String name = MergedAnnotations.from(type)
				.get("jakarta.persistence.Table")
				.getValue("name", String.class)
				.filter((value) -> !value.isEmpty())
				.orElse(type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2"));
			if (name.toLowerCase(Locale.ROOT).equals(table.name().toLowerCase(Locale.ROOT))) {
				return "JPA entity " + type.getName();
			}
		}
		return "a JPA entity";
	}

}

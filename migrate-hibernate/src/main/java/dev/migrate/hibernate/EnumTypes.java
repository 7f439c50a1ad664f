package dev.migrate.hibernate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.QualifiedName;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;

/**
 * The named enumerated types that the entities declare
 * ({@code @JdbcTypeCode(NAMED_ENUM)}). Hibernate registers each as an auxiliary database
 * object whose DDL is the only place that names the type and its labels.
 */
final class EnumTypes {

	private static final Pattern CREATE_ENUM = Pattern
		.compile("create\\s+type\\s+(?<name>\\S+)\\s+as\\s+enum\\s*\\((?<labels>.*)\\)\\s*", Pattern.CASE_INSENSITIVE);

	private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");

	private final Map<String, EnumType> byUnqualifiedName = new LinkedHashMap<>();

	private final TableMapper names;

	EnumTypes(Metadata metadata, String defaultSchema, TableMapper names) {
		this.names = names;
		SqlStringGenerationContext context = SqlStringGenerationContextImpl
			.forTests(metadata.getDatabase().getJdbcEnvironment(), null, defaultSchema);
		for (AuxiliaryDatabaseObject object : metadata.getDatabase().getAuxiliaryDatabaseObjects()) {
			for (String sql : object.sqlCreateStrings(context)) {
				Matcher matcher = CREATE_ENUM.matcher(sql.trim());
				if (matcher.matches()) {
					add(matcher.group("name"), matcher.group("labels"), defaultSchema);
				}
			}
		}
	}

	private void add(String name, String labelList, String defaultSchema) {
		String[] parts = name.split("\\.");
		String typeName = identifier(parts[parts.length - 1]);
		String schema = (parts.length > 1) ? identifier(parts[parts.length - 2]) : defaultSchema;
		List<String> labels = new ArrayList<>();
		Matcher label = LABEL.matcher(labelList);
		while (label.find()) {
			labels.add(label.group(1).replace("''", "'"));
		}
		this.byUnqualifiedName.put(typeName, new EnumType(new QualifiedName(schema, typeName), labels));
	}

	/**
	 * Return the column type, qualified with its schema when it names one of these enums.
	 */
	ColumnType columnType(ColumnType parsed) {
		EnumType enumType = this.byUnqualifiedName.get(parsed.name());
		if (enumType == null) {
			return parsed;
		}
		return new ColumnType(enumType.name().toString(), List.of(), parsed.array());
	}

	List<EnumType> all() {
		return new ArrayList<>(this.byUnqualifiedName.values());
	}

	private String identifier(String text) {
		return this.names.identifier(Identifier.toIdentifier(text));
	}

}

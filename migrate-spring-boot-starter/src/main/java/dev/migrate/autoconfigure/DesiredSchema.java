package dev.migrate.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.schema.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The schema the entities want, read once: they cannot change while the application runs,
 * and reading them builds Hibernate's metadata, which the endpoint and health would
 * otherwise repeat on every request.
 */
final class DesiredSchema {

	private final EntitySchemaSource entities;

	private volatile @Nullable Optional<Schema> schema;

	DesiredSchema(EntitySchemaSource entities) {
		this.entities = entities;
	}

	/**
	 * Return whether the application has entities to compare the database with.
	 */
	boolean hasEntities() {
		return read().isPresent();
	}

	/**
	 * Return the schema the entities want, or an empty {@code public} schema without
	 * entities.
	 */
	Schema schema() {
		return read().orElseGet(() -> new Schema(new TreeSet<>(List.of("public")), List.of(), List.of(), List.of()));
	}

	/**
	 * Return a fingerprint of the desired schema and of the options it is compared with,
	 * without reading the entities.
	 * @param diff the options the schema is compared with
	 * @return the fingerprint, or {@code null} if the entity source cannot tell one
	 */
	@Nullable String fingerprint(DiffOptions diff) {
		String entities = this.entities.fingerprint();
		if (entities == null) {
			return null;
		}
		String options = diff.includeTables() + "|" + diff.excludeTables() + "|" + diff.online() + "|"
				+ diff.dropUnmapped();
		return entities + "-"
				+ HexFormat.of().formatHex(sha256().digest(options.getBytes(StandardCharsets.UTF_8)), 0, 8);
	}

	private Optional<Schema> read() {
		Optional<Schema> schema = this.schema;
		if (schema == null) {
			schema = Optional.ofNullable(this.entities.desiredSchema());
			this.schema = schema;
		}
		return schema;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

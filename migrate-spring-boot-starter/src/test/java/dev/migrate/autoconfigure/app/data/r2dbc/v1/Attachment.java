package dev.migrate.autoconfigure.app.data.r2dbc.v1;

import java.math.BigDecimal;
import java.util.UUID;

import dev.migrate.mapping.Unique;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A class (not a record) with an id the application assigns, an enum and a decimal.
 */
@Table("note_attachment")
@Unique(columns = { "note_id", "kind" })
public class Attachment {

	@Id
	UUID id;

	long noteId;

	@NotNull
	Kind kind;

	@Digits(integer = 8, fraction = 2)
	@Nullable BigDecimal sizeInKb;

	byte @Nullable [] content;

	Attachment(UUID id, long noteId, Kind kind) {
		this.id = id;
		this.noteId = noteId;
		this.kind = kind;
	}

	public enum Kind {

		IMAGE, DOCUMENT

	}

}

package dev.migrate.autoconfigure.app.data.r2dbc.v2;

import java.time.Instant;
import java.util.List;

import dev.migrate.mapping.DatabaseDefault;
import dev.migrate.mapping.Indexed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The note of v1, pinnable: a NOT NULL column that a table with rows can take, thanks to
 * its default.
 */
@Table
public record Note(@Id @Nullable Long id, @NotNull @Size(max = 200) String text, @Indexed @Nullable Instant createdAt,
		@Column("labels") @Nullable List<String> tags, @Version @Nullable Long version,
		@DatabaseDefault("false") boolean pinned) {

}

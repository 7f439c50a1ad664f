package dev.migrate.autoconfigure.app.data.r2dbc.v2;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The note of v1, pinnable.
 */
@Table
public record Note(@Id @Nullable Long id, @NotNull @Size(max = 200) String text, @Nullable Instant createdAt,
		@Column("labels") @Nullable List<String> tags, @Version @Nullable Long version, @Nullable Boolean pinned) {

}

package dev.migrate.example.blog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A post written by a {@link User}.
 */
@Entity
@Table(name = "posts", indexes = @Index(name = "posts_published_at_idx", columnList = "published_at"))
public class Post {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "author_id", nullable = false)
	private @Nullable User author;

	@Column(nullable = false, length = 200)
	private String title = "";

	@Column(nullable = false, columnDefinition = "text")
	private String body = "";

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Status status = Status.DRAFT;

	private @Nullable Instant publishedAt;

	// Bean Validation sets the column's length, as it does for Hibernate's own DDL: the
	// third revision adds varchar(300), not the varchar(255) of a bare String.
	@Size(max = 300)
	private @Nullable String summary;

	protected Post() {
	}

	public Post(User author, String title, String body) {
		this.author = author;
		this.title = title;
		this.body = body;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public @Nullable Long getAuthorId() {
		return (this.author != null) ? this.author.getId() : null;
	}

	public String getTitle() {
		return this.title;
	}

	public @Nullable String getSummary() {
		return this.summary;
	}

	public void setSummary(@Nullable String summary) {
		this.summary = summary;
	}

	public String getBody() {
		return this.body;
	}

	public Status getStatus() {
		return this.status;
	}

	public @Nullable Instant getPublishedAt() {
		return this.publishedAt;
	}

	public void publish() {
		this.status = Status.PUBLISHED;
		this.publishedAt = Instant.now();
	}

	/**
	 * Where a post is in its life.
	 */
	public enum Status {

		/** Being written; only its author sees it. */
		DRAFT,

		/** Visible to everyone. */
		PUBLISHED

	}

}

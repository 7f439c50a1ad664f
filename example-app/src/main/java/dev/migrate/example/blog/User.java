package dev.migrate.example.blog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A user who writes posts. {@code user} is a reserved word in PostgreSQL, so the table is
 * {@code users}.
 */
@Entity
@Table(name = "users")
public class User {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, unique = true, length = 40)
	private String username = "";

	@Column(nullable = false)
	private String email = "";

	// Added in the second revision of the changelog (the "later change").
	@Column(length = 500)
	private @Nullable String bio;

	@Column(nullable = false)
	private Instant createdAt = Instant.now();

	protected User() {
	}

	public User(String username, String email) {
		this.username = username;
		this.email = email;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getEmail() {
		return this.email;
	}

	public @Nullable String getBio() {
		return this.bio;
	}

	public void setBio(@Nullable String bio) {
		this.bio = bio;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}

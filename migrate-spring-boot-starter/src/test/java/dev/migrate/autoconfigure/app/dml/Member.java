package dev.migrate.autoconfigure.app.dml;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A team member: a sequence for its id, an index and a unique key, each of which the
 * application's login must be able to use without owning it.
 */
@Entity
@Table(indexes = @Index(columnList = "fullName"))
public class Member {

	@Id
	@GeneratedValue
	Long id;

	@Column(nullable = false, length = 100)
	String fullName;

	@Column(nullable = false, unique = true, length = 200)
	String email;

	protected Member() {
	}

	public Member(String fullName, String email) {
		this.fullName = fullName;
		this.email = email;
	}

	public Long getId() {
		return this.id;
	}

}

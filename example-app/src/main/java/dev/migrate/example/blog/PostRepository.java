package dev.migrate.example.blog;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Stores {@link Post posts}.
 */
public interface PostRepository extends JpaRepository<Post, Long> {

	@Query("SELECT p FROM Post p WHERE p.author.id = :authorId ORDER BY p.id")
	List<Post> findByAuthor(long authorId);

}

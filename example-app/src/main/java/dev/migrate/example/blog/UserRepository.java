package dev.migrate.example.blog;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores {@link User users}.
 */
public interface UserRepository extends JpaRepository<User, Long> {

}

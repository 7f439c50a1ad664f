package dev.migrate.example.blog;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST API over users and their posts.
 */
@RestController
@Transactional
class BlogController {

	private final UserRepository users;

	private final PostRepository posts;

	BlogController(UserRepository users, PostRepository posts) {
		this.users = users;
		this.posts = posts;
	}

	@GetMapping("/users")
	@Transactional(readOnly = true)
	List<UserView> users() {
		return this.users.findAll().stream().map(UserView::of).toList();
	}

	@PostMapping("/users")
	ResponseEntity<UserView> createUser(@RequestBody NewUser request) {
		User user = new User(request.username(), request.email());
		user.setBio(request.bio());
		UserView created = UserView.of(this.users.save(user));
		return ResponseEntity.created(URI.create("/users/" + created.id())).body(created);
	}

	@GetMapping("/users/{id}/posts")
	@Transactional(readOnly = true)
	List<PostView> posts(@PathVariable long id) {
		user(id);
		return this.posts.findByAuthor(id).stream().map(PostView::of).toList();
	}

	@PostMapping("/users/{id}/posts")
	ResponseEntity<PostView> createPost(@PathVariable long id, @RequestBody NewPost request) {
		PostView created = PostView.of(this.posts.save(new Post(user(id), request.title(), request.body())));
		return ResponseEntity.created(URI.create("/posts/" + created.id())).body(created);
	}

	@PostMapping("/posts/{id}/publish")
	PostView publish(@PathVariable long id) {
		Post post = this.posts.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No post " + id));
		post.publish();
		return PostView.of(post);
	}

	private User user(long id) {
		return this.users.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No user " + id));
	}

	record NewUser(String username, String email, @Nullable String bio) {
	}

	record NewPost(String title, String body) {
	}

	record UserView(@Nullable Long id, String username, String email, @Nullable String bio, Instant createdAt) {

		static UserView of(User user) {
			return new UserView(user.getId(), user.getUsername(), user.getEmail(), user.getBio(), user.getCreatedAt());
		}

	}

	record PostView(@Nullable Long id, @Nullable Long authorId, String title, String body, Post.Status status,
			@Nullable Instant publishedAt) {

		static PostView of(Post post) {
			return new PostView(post.getId(), post.getAuthorId(), post.getTitle(), post.getBody(), post.getStatus(),
					post.getPublishedAt());
		}

	}

}

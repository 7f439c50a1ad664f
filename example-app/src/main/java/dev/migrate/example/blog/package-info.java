/**
 * The example's domain: users and their posts, with a REST API.
 */
@NullMarked
package dev.migrate.example.blog;

import org.jspecify.annotations.NullMarked;

package dev.migrate.core.changelog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The one allocator of new revision ids, used by every writer of a new revision
 * (generated, baseline, empty): the id is a UTC timestamp, {@code yyyyMMddHHmmss}, the
 * later of now and one second after the newest revision already in the folder, so that a
 * new revision sorts after every existing one even when this machine's clock is behind
 * the one that wrote the last revision, and two revisions within one second do not
 * collide. A squash takes no new id: it keeps that of the last revision it replaces, so
 * that it sorts where they did.
 */
final class RevisionIds {

	private static final Pattern REVISION = Pattern.compile("^(\\d{14})_.*");

	private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private RevisionIds() {
	}

	/**
	 * Return the id of a new revision in a folder.
	 * @param changesDirectory the folder of revision files (may not exist yet)
	 * @param now the clock's time
	 * @return the later of {@code now} and one second after the newest revision's id
	 * @throws IOException if the folder cannot be listed
	 */
	static String next(Path changesDirectory, Instant now) throws IOException {
		Instant moment = now.truncatedTo(ChronoUnit.SECONDS);
		String latest = latest(changesDirectory);
		if (latest != null) {
			Instant after = ID.parse(latest, Instant::from).plusSeconds(1);
			moment = after.isAfter(moment) ? after : moment;
		}
		return ID.format(moment);
	}

	/**
	 * Return the id in a revision file name, e.g. {@code 20261122091231} for
	 * {@code 20261122091231_add_bio.yaml}.
	 */
	static String of(String fileName) {
		Matcher matcher = REVISION.matcher(fileName);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a revision file name: " + fileName);
		}
		return matcher.group(1);
	}

	private static @Nullable String latest(Path changesDirectory) throws IOException {
		if (!Files.isDirectory(changesDirectory)) {
			return null;
		}
		try (Stream<Path> files = Files.list(changesDirectory)) {
			return files.map((file) -> REVISION.matcher(file.getFileName().toString()))
				.filter(Matcher::matches)
				.map((matcher) -> matcher.group(1))
				.max(String::compareTo)
				.orElse(null);
		}
	}

}

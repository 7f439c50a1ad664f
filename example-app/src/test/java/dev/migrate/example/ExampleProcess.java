package dev.migrate.example;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged example application running as a separate JVM, ready once its health
 * endpoint answers. Closing it stops it the way a terminal's Ctrl+C or a platform's
 * SIGTERM would.
 */
final class ExampleProcess implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	private final Process process;

	private final Path log;

	private final int port;

	private ExampleProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	static ExampleProcess start(Path jar, Path workingDirectory, String name, String... arguments)
			throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(javaExecutable(), "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
		command.addAll(List.of(arguments));
		Path log = workingDirectory.resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// What a developer's shell may set must not point the example elsewhere.
		builder.environment().keySet().removeIf((key) -> key.startsWith("SPRING_") || key.startsWith("MIGRATE_"));
		ExampleProcess started = new ExampleProcess(builder.start(), log, port);
		started.awaitReady();
		return started;
	}

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	String output() throws IOException {
		return Files.readString(this.log);
	}

	private void awaitReady() throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"The example exited with " + this.process.exitValue() + " before it was ready:\n" + output());
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(250);
		}
		close();
		throw new IllegalStateException("The example was not ready within " + STARTUP_TIMEOUT + ":\n" + output());
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(1, TimeUnit.MINUTES)) {
			this.process.destroyForcibly().waitFor();
			throw new IllegalStateException("The example did not stop within a minute of SIGTERM");
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

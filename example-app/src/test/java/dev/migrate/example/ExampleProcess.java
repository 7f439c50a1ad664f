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

import dev.migrate.testsupport.TestDatabase;

/**
 * The packaged example application running as a separate JVM, ready once its health
 * endpoint answers. Closing it stops it the way a terminal's Ctrl+C or a platform's
 * SIGTERM would; {@link #kill()} stops it the way {@code kill -9} or an OOM killer does.
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

	/**
	 * Start {@code java -jar <jar>} in the given folder and wait until it is ready.
	 */
	static ExampleProcess start(Path jar, Path workingDirectory, String name, String... arguments)
			throws IOException, InterruptedException {
		ExampleProcess started = launch(List.of("-jar", jar.toAbsolutePath().toString()), workingDirectory, name,
				arguments);
		started.awaitReady();
		return started;
	}

	/**
	 * Start {@code java <launch...> --server.port=<free port> <arguments...>} in the
	 * given folder without waiting for it.
	 * @param launch what follows {@code java}: {@code -jar app.jar} or
	 * {@code -cp ... Main}
	 */
	static ExampleProcess launch(List<String> launch, Path workingDirectory, String name, String... arguments)
			throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(javaExecutable()));
		command.addAll(launch);
		command.add("--server.port=" + port);
		command.addAll(List.of(arguments));
		Path log = workingDirectory.resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// What a developer's shell may set must not point the example elsewhere.
		builder.environment().keySet().removeIf((key) -> key.startsWith("SPRING_") || key.startsWith("MIGRATE_"));
		return new ExampleProcess(builder.start(), log, port);
	}

	/**
	 * Return the arguments that point the example at a database.
	 */
	static String[] datasource(TestDatabase database) {
		return new String[] { "--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password() };
	}

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	String output() throws IOException {
		return Files.readString(this.log);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Wait until the health endpoint answers 200.
	 */
	ExampleProcess awaitReady() throws IOException, InterruptedException {
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
					return this;
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

	/**
	 * Wait for the process to end by itself.
	 * @return its exit code
	 */
	int awaitExit() throws InterruptedException {
		if (!this.process.waitFor(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly().waitFor();
			throw new IllegalStateException("The example did not exit within " + STARTUP_TIMEOUT);
		}
		return this.process.exitValue();
	}

	/**
	 * End the process with SIGKILL: no shutdown hook, no connection closed politely.
	 */
	void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		if (!this.process.isAlive()) {
			return;
		}
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

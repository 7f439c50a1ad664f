package dev.migrate.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A PgBouncer in transaction pooling mode ({@code pool_mode=transaction}) in front of one
 * test database, started from the installed binary (Debian's {@code pgbouncer} package,
 * or the one {@link #BINARY_ENV} names) on a free port, with a small server pool so that
 * server connections are shared by many clients, as a production pooler shares them.
 * Closing it stops it.
 */
public final class PgBouncer implements AutoCloseable {

	/** The environment variable that may name the PgBouncer binary. */
	public static final String BINARY_ENV = "MIGRATE_TEST_PGBOUNCER";

	private static final List<String> LOCATIONS = List.of("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer",
			"/usr/local/bin/pgbouncer", "/opt/homebrew/bin/pgbouncer", "/usr/local/sbin/pgbouncer");

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

	private final Process process;

	private final Path directory;

	private final int port;

	private final TestDatabase database;

	private final int poolSize;

	private PgBouncer(Process process, Path directory, int port, TestDatabase database, int poolSize) {
		this.process = process;
		this.directory = directory;
		this.port = port;
		this.database = database;
		this.poolSize = poolSize;
	}

	/**
	 * Start a PgBouncer in transaction pooling mode in front of the database, or skip the
	 * calling test (a JUnit assumption) where no PgBouncer is installed.
	 * @param database the database to pool
	 * @param poolSize the server connections it may open to the database
	 * @return the running PgBouncer
	 */
	public static PgBouncer start(TestDatabase database, int poolSize) {
		return start(database, poolSize, "transaction");
	}

	/**
	 * Start a PgBouncer in the given pooling mode in front of the database, or skip the
	 * calling test where no PgBouncer is installed.
	 * @param database the database to pool
	 * @param poolSize the server connections it may open to the database
	 * @param poolMode {@code transaction}, {@code statement} or {@code session}
	 * @return the running PgBouncer
	 */
	public static PgBouncer start(TestDatabase database, int poolSize, String poolMode) {
		Optional<Path> binary = binary();
		assumeTrue(binary.isPresent(), "PgBouncer is not installed (apt-get install pgbouncer, or set " + BINARY_ENV
				+ " to its binary): the transaction pooling tests are skipped");
		try {
			Path directory = Files.createTempDirectory("migrate-pgbouncer");
			int port = freePort();
			Files.writeString(directory.resolve("userlist.txt"),
					quoted(database.user()) + " " + quoted(database.password()) + "\n");
			Files.writeString(directory.resolve("pgbouncer.ini"), ini(database, port, poolSize, poolMode, directory));
			List<String> command = new ArrayList<>(List.of(binary.get().toString()));
			if ("root".equals(System.getProperty("user.name"))) {
				// PgBouncer refuses to run as root.
				command.addAll(List.of("-u", "nobody"));
			}
			command.add(directory.resolve("pgbouncer.ini").toString());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(directory.resolve("pgbouncer.log").toFile())
				.start();
			PgBouncer pgBouncer = new PgBouncer(process, directory, port, database, poolSize);
			pgBouncer.awaitListening();
			return pgBouncer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the installed PgBouncer binary, if any.
	 * @return the binary
	 */
	public static Optional<Path> binary() {
		String configured = System.getenv(BINARY_ENV);
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured)).filter(Files::isExecutable);
		}
		Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
			.filter((entry) -> !entry.isEmpty())
			.map((entry) -> Path.of(entry, "pgbouncer"));
		return Stream.concat(LOCATIONS.stream().map(Path::of), onPath).filter(Files::isExecutable).findFirst();
	}

	private static String ini(TestDatabase database, int port, int poolSize, String poolMode, Path directory) {
		PostgresServer server = database.server();
		return """
				[databases]
				%s = host=%s port=%d dbname=%s

				[pgbouncer]
				listen_addr = 127.0.0.1
				listen_port = %d
				unix_socket_dir =
				auth_type = trust
				auth_file = %s
				pool_mode = %s
				default_pool_size = %d
				min_pool_size = 0
				reserve_pool_size = 0
				max_client_conn = 200
				max_db_connections = %d
				server_reset_query =
				ignore_startup_parameters = extra_float_digits,options
				server_check_delay = 0
				log_connections = 0
				log_disconnections = 0
				""".formatted(database.name(), server.host().equals("localhost") ? "127.0.0.1" : server.host(),
				server.port(), database.name(), port, directory.resolve("userlist.txt"), poolMode, poolSize, poolSize);
	}

	private static String quoted(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

	private void awaitListening() {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("PgBouncer exited with " + this.process.exitValue() + ":\n" + log());
			}
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				return;
			}
			catch (IOException ex) {
				sleep();
			}
		}
		close();
		throw new IllegalStateException("PgBouncer did not listen within " + STARTUP_TIMEOUT + ":\n" + log());
	}

	/**
	 * Return the JDBC URL of the database through PgBouncer, with
	 * {@code prepareThreshold=0} (no named server-side prepared statements, which a
	 * server connection shared between clients cannot keep).
	 * @return the URL, without credentials
	 */
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + this.database.name() + "?prepareThreshold=0";
	}

	public int port() {
		return this.port;
	}

	/**
	 * Return a new, unpooled {@link DataSource} of the database through PgBouncer.
	 * @return the data source
	 */
	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(jdbcUrl());
		dataSource.setUser(this.database.user());
		dataSource.setPassword(this.database.password());
		return dataSource;
	}

	/**
	 * Open a new connection to the database through PgBouncer.
	 * @return the connection, for the caller to close
	 * @throws SQLException if it cannot be opened
	 */
	public Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.database.user());
		properties.setProperty("password", this.database.password());
		return DriverManager.getConnection(jdbcUrl(), properties);
	}

	/**
	 * Return the given settings of every server connection PgBouncer holds, as its
	 * clients see them: as many clients as the pool has server connections each open a
	 * transaction, so that each is given a server connection of its own and all are seen.
	 * @param settings the settings' names; one missing on the server reads as empty
	 * @return the values, joined by spaces, by server process id
	 * @throws SQLException if the database cannot be asked
	 */
	public Map<Integer, String> settingsOfEachServerConnection(String... settings) throws SQLException {
		String values = Stream.of(settings)
			.map((setting) -> "coalesce(current_setting('" + setting + "', true), '')")
			.collect(Collectors.joining(" || ' ' || "));
		Map<Integer, String> found = new TreeMap<>();
		List<Connection> clients = new ArrayList<>();
		try {
			for (int i = 0; i < this.poolSize; i++) {
				Connection client = connect();
				clients.add(client);
				client.setAutoCommit(false);
				try (Statement statement = client.createStatement();
						ResultSet result = statement.executeQuery("SELECT pg_backend_pid(), " + values)) {
					result.next();
					found.put(result.getInt(1), result.getString(2));
				}
			}
		}
		finally {
			for (Connection client : clients) {
				client.close();
			}
		}
		return found;
	}

	/**
	 * Return the server process ids of PgBouncer's server connections, asked of the
	 * server directly.
	 * @return the process ids
	 */
	public Set<Integer> serverConnections() {
		String pids = this.database.queryForString("SELECT coalesce(string_agg(pid::text, ','), '')"
				+ " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
				+ " AND backend_type = 'client backend'");
		return pids.isEmpty() ? Set.of()
				: Stream.of(pids.split(",")).map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * Return the server connections that are not among those reached through the pooler,
	 * waiting up to 5 s for them to go: the backend of a connection a test just closed
	 * (e.g. a direct one) stays in {@code pg_stat_activity} for a moment while it exits,
	 * whereas a connection left behind stays.
	 * @param reached the process ids reached through the pooler, e.g. the keys of
	 * {@link #settingsOfEachServerConnection(String...)}
	 * @return the process ids of the server connections not reached; empty when every one
	 * was
	 */
	public Set<Integer> serverConnectionsNotReached(Set<Integer> reached) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (true) {
			Set<Integer> others = new TreeSet<>(serverConnections());
			others.removeAll(reached);
			if (others.isEmpty() || System.nanoTime() > deadline) {
				return others;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return others;
			}
		}
	}

	/**
	 * Return what PgBouncer logged.
	 * @return the log
	 */
	public String log() {
		try {
			return Files.readString(this.directory.resolve("pgbouncer.log"));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary folder left behind is not worth a failure.
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for PgBouncer", ex);
		}
	}

}

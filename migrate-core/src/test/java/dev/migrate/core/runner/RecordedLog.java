package dev.migrate.core.runner;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records one logger writes while it is open, at every level (Migrate's
 * {@link System.Logger}s go to {@code java.util.logging} where nothing else takes them,
 * as in these tests).
 */
public final class RecordedLog extends Handler implements AutoCloseable {

	private final Logger logger;

	private final Level level;

	private final List<LogRecord> records = new CopyOnWriteArrayList<>();

	private RecordedLog(Logger logger) {
		this.logger = logger;
		this.level = logger.getLevel();
		setLevel(Level.ALL);
		logger.setLevel(Level.ALL);
		logger.addHandler(this);
	}

	/**
	 * Record what the logger of a class writes.
	 * @param type the class whose logger to record
	 * @return the recording, to close
	 */
	public static RecordedLog of(Class<?> type) {
		return new RecordedLog(Logger.getLogger(type.getName()));
	}

	/**
	 * Return the records written at {@code System.Logger.Level.DEBUG} ({@code FINE}).
	 * @return the records
	 */
	public List<LogRecord> debug() {
		return this.records.stream().filter((record) -> record.getLevel() == Level.FINE).toList();
	}

	@Override
	public void publish(LogRecord record) {
		this.records.add(record);
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
		this.logger.removeHandler(this);
		this.logger.setLevel(this.level);
	}

}

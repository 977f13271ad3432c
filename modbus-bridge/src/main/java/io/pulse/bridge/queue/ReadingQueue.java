package io.pulse.bridge.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable, bounded FIFO of MQTT messages in an SQLite database ({@code queue.db} in the queue
 * directory). Every reading is appended here first and removed only after the broker acknowledged
 * it (PUBACK), so a broker outage or a bridge restart loses nothing. Each append is its own
 * committed transaction with {@code synchronous=FULL}: once {@link #append} returns, the reading
 * survives a crash of the bridge or of the machine.
 *
 * <p>When the queue holds {@code maxMessages}, an append drops the OLDEST message: after a very
 * long outage recent data is worth more, and the drop is counted and reported in the status.
 * A lock file keeps two bridges off the same directory.
 */
public final class ReadingQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingQueue.class);

    private final Path directory;
    private final long maxMessages;
    private final Connection db;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicLong dropped = new AtomicLong();
    private long size;

    private ReadingQueue(Path directory, long maxMessages, Connection db, FileChannel lockChannel, FileLock lock)
            throws SQLException {
        this.directory = directory;
        this.maxMessages = maxMessages;
        this.db = db;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.size = count();
    }

    /** Opens (or creates) the queue in {@code directory}. */
    public static ReadingQueue open(Path directory, long maxMessages) {
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(directory.resolve("queue.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("queue directory " + directory + " is in use by another bridge");
            }
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("queue.db"));
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                // AUTOINCREMENT: a seq is never reused, even after the newest rows were deleted
                s.execute("CREATE TABLE IF NOT EXISTS messages (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " topic TEXT NOT NULL, payload BLOB NOT NULL, queued_at INTEGER NOT NULL)");
            }
            ReadingQueue queue = new ReadingQueue(directory, maxMessages, db, channel, lock);
            if (queue.size > 0) {
                LOG.info("queue {} holds {} readings from an earlier run: they are sent first", directory, queue.size);
            }
            return queue;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open queue directory " + directory + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            closeQuietly(channel);
            throw new IllegalStateException("cannot open queue database in " + directory + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Appends durably; drops the oldest message when full. */
    public synchronized void append(String topic, byte[] payload) {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO messages (topic, payload, queued_at) VALUES (?, ?, ?)")) {
            if (size >= maxMessages) {
                long excess = size - maxMessages + 1;
                try (PreparedStatement drop = db.prepareStatement(
                        "DELETE FROM messages WHERE seq IN (SELECT seq FROM messages ORDER BY seq LIMIT ?)")) {
                    drop.setLong(1, excess);
                    int n = drop.executeUpdate();
                    size -= n;
                    if (dropped.getAndAdd(n) == 0) {
                        LOG.warn("queue {} is full ({} readings): dropping the oldest", directory, maxMessages);
                    }
                }
            }
            insert.setString(1, topic);
            insert.setBytes(2, payload);
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
            size++;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write to queue " + directory + ": " + e.getMessage(), e);
        }
        notifyAll();
    }

    /** The oldest {@code max} messages, in order, without removing them. */
    public synchronized List<QueuedMessage> peek(int max) {
        List<QueuedMessage> out = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(
                "SELECT seq, topic, payload FROM messages ORDER BY seq LIMIT ?")) {
            select.setInt(1, max);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(new QueuedMessage(rs.getLong(1), rs.getString(2), rs.getBytes(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read queue " + directory + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Removes every message up to and including {@code seq} (they were acknowledged). */
    public synchronized void removeThrough(long seq) {
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM messages WHERE seq <= ?")) {
            delete.setLong(1, seq);
            size -= delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update queue " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Waits up to {@code millis} for a message when the queue is empty. */
    public synchronized void awaitMessages(long millis) throws InterruptedException {
        if (size == 0) {
            wait(millis);
        }
    }

    public synchronized long size() {
        return size;
    }

    /** Messages dropped because the queue was full, since this queue was opened. */
    public long dropped() {
        return dropped.get();
    }

    private long count() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM messages")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            LOG.warn("closing queue {}: {}", directory, e.getMessage());
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel close releases it too
        }
        closeQuietly(lockChannel);
        notifyAll();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }
}

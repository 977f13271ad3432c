package io.pulse.connectors.mqtt.source.spool;

import io.pulse.connectors.mqtt.MqttMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One MQTT session's write-ahead spool: a folder of segment files. The session's callback thread
 * appends what the broker delivers and commits it; only then are those messages acknowledged to
 * the broker. The reader's task thread reads committed records in order and checkpoints its
 * position; once a checkpoint completes, the segments before its position are deleted.
 *
 * <p>So the broker never holds more than a few milliseconds of unacknowledged messages, whatever
 * the checkpoint interval, and a restore replays from the spool what came after the checkpoint.
 * A lock file keeps two copies of a job from sharing one spool.
 */
public final class SessionSpool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionSpool.class);
    private static final long LOCK_WAIT_MILLIS = 30_000;

    private final Path folder;
    private final SpoolSettings settings;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final SpoolWriter writer;
    private final SpoolCursor cursor;
    private final AtomicLong bytes = new AtomicLong();
    private final Object space = new Object();
    private volatile SpoolPosition committed;
    private boolean full;

    private SessionSpool(Path folder, SpoolSettings settings, FileChannel lockChannel, FileLock lock,
                         SpoolPosition start, long writerSegment, long existingBytes) throws IOException {
        this.folder = folder;
        this.settings = settings;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.bytes.set(existingBytes);
        this.writer = new SpoolWriter(folder, writerSegment, settings.segmentBytes(), settings.sync());
        this.cursor = new SpoolCursor(folder, start);
        this.committed = new SpoolPosition(writerSegment, 0);
    }

    /**
     * Opens the spool in {@code folder}, reading from {@code restoreFrom} (a checkpointed position)
     * or, without one, from the oldest record still there: messages an earlier run acknowledged
     * to the broker but never checkpointed are replayed, not lost.
     */
    public static SessionSpool open(Path folder, SpoolPosition restoreFrom, SpoolSettings settings)
            throws IOException, InterruptedException {
        Files.createDirectories(folder);
        FileChannel lockChannel = FileChannel.open(folder.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = acquire(folder, lockChannel);
        TreeMap<Long, Long> segments = SpoolSegments.list(folder);
        long newest = segments.isEmpty() ? 0 : segments.lastKey();
        SpoolPosition start = startOf(folder, restoreFrom, segments, newest);
        long writerSegment = Math.max(newest, restoreFrom == null ? 0 : restoreFrom.segment()) + 1;
        long kept = 0;
        for (Map.Entry<Long, Long> segment : segments.entrySet()) {
            if (segment.getKey() < start.segment()) {
                Files.deleteIfExists(SpoolSegments.path(folder, segment.getKey()));
            } else {
                kept += segment.getValue();
            }
        }
        return new SessionSpool(folder, settings, lockChannel, lock, start, writerSegment, kept);
    }

    private static SpoolPosition startOf(Path folder, SpoolPosition restoreFrom, TreeMap<Long, Long> segments, long newest) {
        if (restoreFrom == null) {
            if (segments.isEmpty()) {
                return new SpoolPosition(newest + 1, 0);
            }
            long pending = segments.values().stream().mapToLong(Long::longValue).sum();
            if (pending > 0) {
                LOG.info("MQTT spool {}: replaying {} bytes that an earlier run received but never checkpointed", folder, pending);
            }
            return new SpoolPosition(segments.firstKey(), 0);
        }
        if (segments.containsKey(restoreFrom.segment())) {
            long replay = segments.tailMap(restoreFrom.segment()).values().stream().mapToLong(Long::longValue).sum()
                    - restoreFrom.offset();
            LOG.info("MQTT spool {}: continuing from the checkpointed position {} ({} bytes to replay)", folder, restoreFrom, replay);
            return restoreFrom;
        }
        Long later = segments.higherKey(restoreFrom.segment());
        LOG.error("MQTT spool {}: segment {} of the checkpointed position {} is gone, so the messages "
                    + "received after that checkpoint are lost (was the folder removed, or is it not shared by "
                    + "the TaskManagers?); continuing with what is there", folder, restoreFrom.segment(), restoreFrom);
        return new SpoolPosition(later != null ? later : Math.max(newest, restoreFrom.segment()) + 1, 0);
    }

    private static FileLock acquire(Path folder, FileChannel channel) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + LOCK_WAIT_MILLIS;
        while (true) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException ownedHere) {
                lock = null; // the previous attempt of this task in this JVM is still closing
            }
            if (lock != null) {
                return lock;
            }
            if (System.currentTimeMillis() > deadline) {
                channel.close();
                throw new IOException("MQTT spool " + folder + " is in use by another running copy of this job "
                        + "(the same client id): stop it, or give this one another client id or spool folder");
            }
            Thread.sleep(100);
        }
    }

    /** Buffers a message; waits while the spool is over its size limit. Writer thread only. */
    public void append(MqttMessage message) throws IOException, InterruptedException {
        waitForSpace();
        bytes.addAndGet(writer.append(message));
    }

    /** Makes what was appended durable and readable. Writer thread only. */
    public void commit() throws IOException {
        committed = writer.commit();
    }

    /** The next committed message, or null. Reader thread only. */
    public MqttMessage next() throws IOException {
        return cursor.next(committed);
    }

    /** Whether a committed message waits. Reader thread only. */
    public boolean hasNext() {
        return cursor.hasNext(committed);
    }

    /** The position of the next message {@link #next} returns. Reader thread only. */
    public SpoolPosition position() {
        return cursor.position();
    }

    /** Deletes the segments wholly before {@code upTo}, a position a completed checkpoint holds. */
    public void release(SpoolPosition upTo) throws IOException {
        long freed = 0;
        for (Map.Entry<Long, Long> segment : SpoolSegments.list(folder).headMap(upTo.segment()).entrySet()) {
            if (segment.getKey() != writer.segment() && Files.deleteIfExists(SpoolSegments.path(folder, segment.getKey()))) {
                freed += segment.getValue();
            }
        }
        if (freed > 0) {
            bytes.addAndGet(-freed);
            synchronized (space) {
                space.notifyAll();
            }
        }
    }

    /** Bytes in the spool's segments, including what is released at the next completed checkpoint. */
    public long bytes() {
        return bytes.get();
    }

    private void waitForSpace() throws InterruptedException {
        if (bytes.get() < settings.maxBytes()) {
            return;
        }
        if (!full) {
            full = true;
            LOG.warn("MQTT spool {} is full ({} bytes, limit {}): waiting for checkpoints to complete; the broker "
                    + "queues meanwhile", folder, bytes.get(), settings.maxBytes());
        }
        synchronized (space) {
            while (bytes.get() >= settings.maxBytes()) {
                space.wait(1_000);
            }
        }
        full = false;
        LOG.info("MQTT spool {} has room again", folder);
    }

    @Override
    public String toString() {
        return folder.toString();
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
            cursor.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }
}

package io.pulse.connectors.mqtt.source.spool;

import io.pulse.connectors.mqtt.MqttMessage;

import java.io.IOException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends records to the spool's newest segment, always a new file per run: a crash can only tear
 * the end of an older segment, never one that is still written. Records are buffered in memory and
 * reach the file (and, with {@code sync}, the disk) on {@link #commit}. Used by one thread.
 */
final class SpoolWriter implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 20;

    private final Path folder;
    private final long segmentBytes;
    private final boolean sync;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private FileChannel channel;
    private long segment;
    private long written;

    SpoolWriter(Path folder, long firstSegment, long segmentBytes, boolean sync) throws IOException {
        this.folder = folder;
        this.segmentBytes = segmentBytes;
        this.sync = sync;
        open(firstSegment);
    }

    private void open(long number) throws IOException {
        segment = number;
        written = 0;
        channel = FileChannel.open(SpoolSegments.path(folder, number),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Buffers one record; returns how many bytes the spool grew by once committed. */
    int append(MqttMessage message) throws IOException {
        if (written + buffer.position() >= segmentBytes) {
            commit();
            channel.close();
            open(segment + 1);
        }
        int start = buffer.position();
        while (true) {
            try {
                SpoolRecords.write(buffer, message);
                return buffer.position() - start;
            } catch (BufferOverflowException full) {
                buffer.position(start);
                if (start > 0) {
                    drain();
                    start = 0;
                } else {
                    buffer = ByteBuffer.allocateDirect(buffer.capacity() * 2); // a record larger than the buffer
                }
            }
        }
    }

    /** Writes what is buffered to the file (and forces it to disk when syncing); returns the durable end. */
    SpoolPosition commit() throws IOException {
        drain();
        if (sync) {
            channel.force(false);
        }
        return new SpoolPosition(segment, written);
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            written += channel.write(buffer);
        }
        buffer.clear();
    }

    long segment() {
        return segment;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

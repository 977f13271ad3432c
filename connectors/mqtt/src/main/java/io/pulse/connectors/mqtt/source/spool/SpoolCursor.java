package io.pulse.connectors.mqtt.source.spool;

import io.pulse.connectors.mqtt.MqttMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a spool's records in order from a position, never past the durable end it is given: what
 * it returns survives a crash. In a segment older than the one being written it reads to the end
 * of the file, and a torn or corrupt tail there (left by a crash) ends that segment. Used by the
 * reader's task thread only.
 */
final class SpoolCursor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolCursor.class);
    private static final int READ_BYTES = 1 << 20;

    private final Path folder;
    private ByteBuffer buffer = ByteBuffer.allocate(READ_BYTES).limit(0);
    private long bufferStart;
    private FileChannel channel;
    private long segment;
    private long offset;

    SpoolCursor(Path folder, SpoolPosition start) {
        this.folder = folder;
        this.segment = start.segment();
        this.offset = start.offset();
    }

    SpoolPosition position() {
        return new SpoolPosition(segment, offset);
    }

    /** The next record before {@code end}, or null when there is none yet. */
    MqttMessage next(SpoolPosition end) throws IOException {
        while (true) {
            boolean current = segment == end.segment();
            if (segment > end.segment() || (current && offset >= end.offset())) {
                return null;
            }
            long limit = current ? end.offset() : Long.MAX_VALUE;
            MqttMessage message = readAt(limit);
            if (message != null) {
                return message;
            }
            if (current) {
                LOG.error("MQTT spool {}: corrupt record in segment {} at {}; skipping to {}", folder, segment, offset, end);
                offset = end.offset();
                return null;
            }
            nextSegment();
        }
    }

    /** Whether a record lies before {@code end}. */
    boolean hasNext(SpoolPosition end) {
        return segment < end.segment() || offset < end.offset();
    }

    private MqttMessage readAt(long limit) throws IOException {
        if (!ensure(SpoolRecords.HEADER_BYTES, limit)) {
            return null;
        }
        int at = (int) (offset - bufferStart);
        int length = SpoolRecords.bodyLength(buffer, at);
        if (length < 0 || !ensure(SpoolRecords.HEADER_BYTES + length, limit)) {
            return null;
        }
        at = (int) (offset - bufferStart);
        if (!SpoolRecords.intact(buffer, at, length)) {
            return null;
        }
        MqttMessage message = SpoolRecords.read(buffer, at + SpoolRecords.HEADER_BYTES, length);
        offset += SpoolRecords.HEADER_BYTES + length;
        return message;
    }

    /** Makes {@code bytes} from the offset readable in the buffer; false when the file (or limit) ends first. */
    private boolean ensure(int bytes, long limit) throws IOException {
        if (offset + bytes > limit) {
            return false;
        }
        if (offset >= bufferStart && offset + bytes <= bufferStart + buffer.limit()) {
            return true;
        }
        if (channel == null && !openSegment()) {
            return false;
        }
        if (offset + bytes > channel.size()) {
            return false; // a torn record: its length points past the end of the file
        }
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocate(Math.max(bytes, buffer.capacity() * 2));
        }
        buffer.clear();
        bufferStart = offset;
        long until = Math.min(limit, offset + buffer.capacity());
        buffer.limit((int) (until - offset));
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, bufferStart + buffer.position()) < 0) {
                break;
            }
        }
        buffer.flip();
        return buffer.limit() >= bytes;
    }

    private boolean openSegment() throws IOException {
        try {
            channel = FileChannel.open(SpoolSegments.path(folder, segment), StandardOpenOption.READ);
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    private void nextSegment() throws IOException {
        Path path = SpoolSegments.path(folder, segment);
        if (Files.exists(path) && Files.size(path) > offset) {
            LOG.warn("MQTT spool {}: segment {} ends in a torn record at {} (a crash while writing); "
                    + "its messages were never acknowledged and come again from the broker", folder, segment, offset);
        }
        if (channel != null) {
            channel.close();
            channel = null;
        }
        buffer.clear().limit(0);
        bufferStart = 0;
        segment++;
        offset = 0;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}

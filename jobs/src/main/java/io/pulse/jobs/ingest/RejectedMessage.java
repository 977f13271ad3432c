package io.pulse.jobs.ingest;

import io.pulse.jobs.storage.UpsertTable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An input a job refused, as stored in {@code rejected_messages}. Its id hashes topic, payload and
 * reason, so a message replayed after a failure overwrites its row instead of adding one.
 * The payload is cut to the first 4 KiB; callers mask what must never be stored (raw MACs).
 */
public record RejectedMessage(String rejectId, Instant receivedAt, String topic, String reason, byte[] payload, String job) {

    public static final int MAX_PAYLOAD_BYTES = 4096;
    private static final int MAX_REASON_CHARS = 255;
    private static final int MAX_TOPIC_CHARS = 255;

    public static final UpsertTable<RejectedMessage> TABLE = UpsertTable.<RejectedMessage>into("rejected_messages")
            .key("reject_id", RejectedMessage::rejectId)
            .column("received_at", RejectedMessage::receivedAt)
            .column("topic", RejectedMessage::topic)
            .column("reason", RejectedMessage::reason)
            .column("payload", RejectedMessage::payload)
            .column("job", RejectedMessage::job)
            .build();

    public static RejectedMessage of(String job, String topic, byte[] payload, String reason, Instant receivedAt) {
        String shortReason = Printable.abbreviate(reason, MAX_REASON_CHARS);
        String storedTopic = Printable.abbreviate(topic, MAX_TOPIC_CHARS); // a hostile topic must fit its column
        byte[] kept = payload.length <= MAX_PAYLOAD_BYTES ? payload : Arrays.copyOf(payload, MAX_PAYLOAD_BYTES);
        return new RejectedMessage(id(topic, payload, shortReason), receivedAt, storedTopic, shortReason, kept, job);
    }

    private static String id(String topic, byte[] payload, String reason) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(topic.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(payload);
            sha.update((byte) 0);
            sha.update(reason.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public String payloadAsText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}

package io.pulse.bridge.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the bridge reports about itself on its retained status topic: online/offline, queue depth,
 * and per meter whether it answers. A meter that fails (after retries) is in {@code fault} with
 * the reason and the time its gap began; when it answers again the closed gap stays visible as
 * {@code lastGap} (from, to, reason). Times are epoch milliseconds.
 */
public final class BridgeStatus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bridgeId;
    private final Map<String, MeterState> meters = new LinkedHashMap<>();
    private long version;

    public BridgeStatus(String bridgeId, List<String> meterIds) {
        this.bridgeId = bridgeId;
        for (String id : meterIds) {
            meters.put(id, new MeterState());
        }
    }

    private static final class MeterState {
        Instant lastReading;
        Instant faultSince;
        String error;
        long failedPolls;
        Instant gapFrom;
        Instant gapTo;
        String gapReason;
    }

    /** A reading arrived; closes an open gap. Returns whether the meter's state changed. */
    public synchronized boolean readingOk(String meterId, Instant ts) {
        MeterState m = meters.get(meterId);
        m.lastReading = ts;
        if (m.faultSince == null) {
            return false;
        }
        m.gapFrom = m.faultSince;
        m.gapTo = ts;
        m.gapReason = m.error;
        m.faultSince = null;
        m.error = null;
        version++;
        return true;
    }

    /** A poll failed after its retries. Returns whether this opened a new gap. */
    public synchronized boolean fault(String meterId, Instant at, String reason) {
        MeterState m = meters.get(meterId);
        m.failedPolls++;
        boolean opened = m.faultSince == null;
        if (opened) {
            m.faultSince = at;
        }
        if (opened || !reason.equals(m.error)) {
            version++;
        }
        m.error = reason;
        return opened;
    }

    /** Grows with every change worth publishing at once. */
    public synchronized long version() {
        return version;
    }

    public synchronized boolean inFault(String meterId) {
        return meters.get(meterId).faultSince != null;
    }

    public synchronized byte[] online(Instant now, long queued, long dropped) {
        ObjectNode node = header("online", now);
        node.put("queued", queued);
        node.put("dropped", dropped);
        ArrayNode list = node.putArray("meters");
        meters.forEach((id, m) -> {
            ObjectNode meter = list.addObject();
            meter.put("meterId", id);
            meter.put("state", m.faultSince != null ? "fault" : m.lastReading != null ? "ok" : "unknown");
            putTime(meter, "lastReadingTs", m.lastReading);
            if (m.faultSince != null) {
                putTime(meter, "gapSince", m.faultSince);
                meter.put("error", m.error);
            }
            meter.put("failedPolls", m.failedPolls);
            if (m.gapFrom != null) {
                ObjectNode gap = meter.putObject("lastGap");
                putTime(gap, "from", m.gapFrom);
                putTime(gap, "to", m.gapTo);
                gap.put("reason", m.gapReason);
            }
        });
        return bytes(node);
    }

    /** The last will and the clean-shutdown message. */
    public byte[] offline(Instant now) {
        return bytes(header("offline", now));
    }

    private ObjectNode header(String state, Instant now) {
        ObjectNode node = JSON.createObjectNode();
        node.put("bridgeId", bridgeId);
        node.put("state", state);
        if (now != null) {
            node.put("ts", now.toEpochMilli());
        }
        return node;
    }

    private static void putTime(ObjectNode node, String field, Instant t) {
        if (t != null) {
            node.put(field, t.toEpochMilli());
        }
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}

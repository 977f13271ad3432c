package io.pulse.connectors.mqtt.source.reader;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Deliveries emitted but not yet acknowledged, grouped by the checkpoint that will cover them.
 * A snapshot seals what was emitted so far under its checkpoint id; when a checkpoint completes,
 * everything sealed under it and under earlier ids (an aborted checkpoint's share included) is
 * acknowledged. Used only from the reader's task thread.
 */
final class PendingAcknowledgements<D> {

    private List<D> open = new ArrayList<>();
    private final TreeMap<Long, List<D>> sealed = new TreeMap<>();
    private long size;

    void add(D delivery) {
        open.add(delivery);
        size++;
    }

    void seal(long checkpointId) {
        if (!open.isEmpty()) {
            sealed.merge(checkpointId, open, (a, b) -> {
                a.addAll(b);
                return a;
            });
            open = new ArrayList<>();
        }
    }

    /** Acknowledges, in emission order, all that checkpoint {@code checkpointId} covers. */
    int acknowledgeUpTo(long checkpointId, Predicate<D> acknowledge) {
        int acknowledged = 0;
        Iterator<Map.Entry<Long, List<D>>> entries = sealed.headMap(checkpointId, true).entrySet().iterator();
        while (entries.hasNext()) {
            for (D delivery : entries.next().getValue()) {
                size--;
                if (acknowledge.test(delivery)) {
                    acknowledged++;
                }
            }
            entries.remove();
        }
        return acknowledged;
    }

    long size() {
        return size;
    }
}

package io.pulse.connectors.mqtt.source.reader;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The source's metrics, in the group {@code mqtt} under the reader's operator group. Counted on the
 * task thread: {@code messagesEmitted}, {@code deadLetters}. Gauges over the reader's sessions:
 * {@code messagesReceived} (spooled), {@code messagesSkipped} (kept by another session),
 * {@code messagesAcknowledged}, {@code pendingAcknowledgements}, {@code spoolBytes},
 * {@code reconnects}, {@code connectedSessions}, {@code subscribedSessions}.
 */
final class MqttSourceMetrics {

    static final String GROUP = "mqtt";

    final Counter emitted;
    final Counter deadLetters;
    private final Counter recordsInErrors;

    MqttSourceMetrics(SourceReaderMetricGroup readerGroup, Supplier<Collection<MqttSession>> sessions) {
        MetricGroup group = readerGroup.addGroup(GROUP);
        emitted = group.counter("messagesEmitted");
        deadLetters = group.counter("deadLetters");
        sum(group, "messagesReceived", sessions, MqttSession::received);
        sum(group, "messagesSkipped", sessions, MqttSession::skipped);
        sum(group, "messagesAcknowledged", sessions, MqttSession::acknowledged);
        sum(group, "pendingAcknowledgements", sessions, MqttSession::pendingAcknowledgements);
        sum(group, "spoolBytes", sessions, session -> session.spool().bytes());
        sum(group, "reconnects", sessions, session -> session.state().reconnects());
        sum(group, "connectedSessions", sessions, session -> session.state().connected() ? 1 : 0);
        sum(group, "subscribedSessions", sessions, session -> session.state().subscribed() ? 1 : 0);
        recordsInErrors = readerGroup.getNumRecordsInErrorsCounter();
    }

    private static void sum(MetricGroup group, String name, Supplier<Collection<MqttSession>> sessions,
                            ToLongFunction<MqttSession> value) {
        group.gauge(name, () -> List.copyOf(sessions.get()).stream().mapToLong(value).sum());
    }

    void deadLetter() {
        deadLetters.inc();
        recordsInErrors.inc();
    }
}

package io.pulse.connectors.mqtt.source.reader;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;

import java.util.function.LongSupplier;

/**
 * The source's metrics, in the group {@code mqtt} under the reader's operator group:
 * {@code messagesReceived}, {@code messagesAcknowledged}, {@code pendingAcknowledgements},
 * {@code reconnects}, {@code deadLetters}, {@code connectedSessions}.
 */
final class MqttSourceMetrics {

    static final String GROUP = "mqtt";

    final Counter received;
    final Counter acknowledged;
    final Counter deadLetters;
    private final Counter recordsInErrors;

    MqttSourceMetrics(SourceReaderMetricGroup readerGroup, LongSupplier pendingAcknowledgements,
                      LongSupplier reconnects, LongSupplier connectedSessions) {
        MetricGroup group = readerGroup.addGroup(GROUP);
        received = group.counter("messagesReceived");
        acknowledged = group.counter("messagesAcknowledged");
        deadLetters = group.counter("deadLetters");
        group.gauge("pendingAcknowledgements", pendingAcknowledgements::getAsLong);
        group.gauge("reconnects", reconnects::getAsLong);
        group.gauge("connectedSessions", connectedSessions::getAsLong);
        recordsInErrors = readerGroup.getNumRecordsInErrorsCounter();
    }

    void deadLetter() {
        deadLetters.inc();
        recordsInErrors.inc();
    }
}

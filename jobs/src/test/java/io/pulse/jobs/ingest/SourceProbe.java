package io.pulse.jobs.ingest;

import io.pulse.connectors.mqtt.source.MqttSubscriptions;
import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Until a job's MQTT sessions have subscribed, messages may be lost: a test sends a bad message
 * until its rejection is stored and every session of the sources in this JVM is subscribed (the
 * sessions divide the topics, so one rejection proves one session), and only then its scenario.
 */
public final class SourceProbe {

    private SourceProbe() {}

    public static void awaitSubscribed(JdbcSettings jdbc, Runnable publishBadMessage) throws Exception {
        for (int i = 0; !anyRejected(jdbc); i++) {
            assertThat(i).as("the source subscribes within 30 s").isLessThan(300);
            publishBadMessage.run();
            Thread.sleep(100);
        }
        assertThat(MqttSubscriptions.awaitAllSubscribed(Duration.ofSeconds(30)))
                .as("every MQTT session subscribes within 30 s: " + MqttSubscriptions.status()).isTrue();
    }

    private static boolean anyRejected(JdbcSettings jdbc) throws Exception {
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM rejected_messages")) {
            r.next();
            return r.getInt(1) > 0;
        }
    }
}

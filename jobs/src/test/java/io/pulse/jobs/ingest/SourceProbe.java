package io.pulse.jobs.ingest;

import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Until a job's MQTT source has subscribed, messages may be lost: a test sends a bad message until
 * its rejection is stored, and only then its scenario.
 */
public final class SourceProbe {

    private SourceProbe() {}

    public static void awaitSubscribed(JdbcSettings jdbc, Runnable publishBadMessage) throws Exception {
        for (int i = 0; !anyRejected(jdbc); i++) {
            assertThat(i).as("the source subscribes within 30 s").isLessThan(300);
            publishBadMessage.run();
            Thread.sleep(100);
        }
    }

    private static boolean anyRejected(JdbcSettings jdbc) throws Exception {
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM rejected_messages")) {
            r.next();
            return r.getInt(1) > 0;
        }
    }
}

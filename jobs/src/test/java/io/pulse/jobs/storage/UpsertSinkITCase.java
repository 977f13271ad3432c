package io.pulse.jobs.storage;

import io.pulse.testservers.FailOnce;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.MariaDbServer;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link UpsertSink} writing Pulse's {@code alerts} table through an {@link UpsertTable}, against
 * a real MariaDB: rewrites are idempotent, and neither a failing job nor a database that goes
 * away for 10 s changes the result.
 */
class UpsertSinkITCase {

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(4);

    private static final Instant BASE = Instant.parse("2026-03-02T08:00:00.250Z");

    /** A row of the alerts table, generated deterministically from its index. */
    record Alert(String alertId, String deviceId, String type, String severity, Instant openedAt,
                 Instant resolvedAt, double value, String message) implements Serializable {

        static Alert number(long i, boolean resolved) {
            return new Alert(String.format("alert-%08d", i), "dev-" + (i % 17), i % 2 == 0 ? "OVERHEAT" : "LOW_BATTERY",
                    List.of("LOW", "MEDIUM", "HIGH", "CRITICAL").get((int) (i % 4)), BASE.plusMillis(i * 1_001),
                    resolved ? BASE.plusMillis(i * 1_001 + 60_000) : null, i * 1.5, "alert number " + i);
        }

        /** The row as the test reads it back: every column, times to the millisecond. */
        String asRow() {
            return String.join("|", alertId, deviceId, type, severity, openedAt.toString(),
                    String.valueOf(resolvedAt), String.valueOf(value), message);
        }
    }

    static final UpsertTable<Alert> ALERTS = UpsertTable.<Alert>into("alerts")
            .key("alert_id", Alert::alertId)
            .column("device_id", Alert::deviceId)
            .column("type", Alert::type)
            .column("severity", Alert::severity)
            .column("opened_at", Alert::openedAt)
            .column("resolved_at", Alert::resolvedAt)
            .column("value", Alert::value)
            .column("message", Alert::message)
            .build();

    private static JdbcSettings freshSchema(TestInfo test) {
        String database = test.getTestMethod().orElseThrow().getName().replaceAll("[^A-Za-z0-9]", "").substring(0, 30);
        JdbcSettings settings = JdbcSettings.of(DB.createDatabase(database), DB.user(), DB.password()).withBatching(200, 200, 5);
        SchemaMigrator.migrate(settings);
        return settings;
    }

    /** count alerts, resolved when {@code resolved}, at {@code perSecond} (0: unthrottled). */
    private static JobClient startJob(JdbcSettings settings, long count, boolean resolved, double perSecond,
                                      FailOnce<Alert> failure) throws Exception {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 30);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        env.enableCheckpointing(200);
        DataGeneratorSource<Alert> source = new DataGeneratorSource<>(
                i -> Alert.number(i, resolved), count,
                perSecond > 0 ? RateLimiterStrategy.perSecond(perSecond) : RateLimiterStrategy.noOp(),
                TypeInformation.of(Alert.class));
        DataStream<Alert> alerts = env.fromSource(source, WatermarkStrategy.noWatermarks(), "alerts");
        if (failure != null) {
            alerts = alerts.map(failure).returns(Alert.class);
        }
        alerts.sinkTo(UpsertSink.into(ALERTS, settings));
        return env.executeAsync("jdbc-sink-test");
    }

    private static List<String> expected(long count, boolean resolved) {
        return LongStream.range(0, count).mapToObj(i -> Alert.number(i, resolved).asRow()).toList();
    }

    private static List<String> rows(JdbcSettings settings) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DatabaseConnections.open(settings);
             Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery("SELECT alert_id, device_id, type, severity, opened_at, resolved_at, value, message"
                     + " FROM alerts ORDER BY alert_id")) {
            while (r.next()) {
                Instant resolvedAt = r.getObject(6, java.time.LocalDateTime.class) == null ? null
                        : r.getObject(6, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC);
                rows.add(String.join("|", r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getObject(5, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC).toString(),
                        String.valueOf(resolvedAt), String.valueOf(r.getDouble(7)), r.getString(8)));
            }
        }
        return rows;
    }

    @Test
    void writingTheSameRecordsAgainLeavesTheSameRowsAndLaterUpdatesOverwrite(TestInfo test) throws Exception {
        JdbcSettings settings = freshSchema(test);

        startJob(settings, 3_000, false, 0, null).getJobExecutionResult().get(2, TimeUnit.MINUTES);
        assertThat(rows(settings)).isEqualTo(expected(3_000, false));

        startJob(settings, 3_000, false, 0, null).getJobExecutionResult().get(2, TimeUnit.MINUTES);
        assertThat(rows(settings)).as("the same records again").isEqualTo(expected(3_000, false));

        startJob(settings, 3_000, true, 0, null).getJobExecutionResult().get(2, TimeUnit.MINUTES);
        assertThat(rows(settings)).as("every alert resolved later").isEqualTo(expected(3_000, true));
    }

    @Test
    void aJobThatFailsAndRestoresLeavesExactlyTheFailureFreeTable(TestInfo test) throws Exception {
        JdbcSettings settings = freshSchema(test);

        startJob(settings, 8_000, false, 4_000, new FailOnce<>(4_000)).getJobExecutionResult().get(2, TimeUnit.MINUTES);

        assertThat(FailOnce.FAILED).as("the injected failure happened").isTrue();
        assertThat(rows(settings)).isEqualTo(expected(8_000, false));
    }

    @Test
    void aDatabaseGoneForTenSecondsDuringARunLosesNoRow(TestInfo test) throws Exception {
        JdbcSettings settings = freshSchema(test);
        JobClient job = startJob(settings, 12_000, false, 600, null);

        Thread.sleep(4_000);
        DB.kill();
        Thread.sleep(10_000);
        DB.start(); // same port, same data directory
        job.getJobExecutionResult().get(3, TimeUnit.MINUTES);

        assertThat(rows(settings)).isEqualTo(expected(12_000, false));
    }

    @Test
    void aRowTheDatabaseRefusesForItsDataBecomesARejectAndTheRestIsWritten(TestInfo test) throws Exception {
        JdbcSettings settings = freshSchema(test);
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none"); // a failure would fail the test
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        Alert tooLong = new Alert("alert-too-long", "d".repeat(65), "OVERHEAT", "HIGH", BASE, null, 1, "device id over 64");
        List<Alert> alerts = new ArrayList<>(LongStream.range(0, 300).mapToObj(i -> Alert.number(i, false)).toList());
        alerts.add(150, tooLong);
        env.fromData(alerts).sinkTo(UpsertSink.into(ALERTS, settings));
        env.execute("jdbc-sink-refused-row");

        assertThat(rows(settings)).isEqualTo(expected(300, false));
        try (Connection connection = DatabaseConnections.open(settings);
             Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery("SELECT topic, reason, job FROM rejected_messages")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("mysql/alerts");
            assertThat(r.getString(2)).startsWith("MySQL refused a row of alerts: ").contains("Data too long for column 'device_id'");
            assertThat(r.getString(3)).isEqualTo("sink");
            assertThat(r.next()).as("one reject").isFalse();
        }
    }
}

package io.pulse.connectors.influxdb;

import io.pulse.testservers.ExportedSeries;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.VictoriaMetricsServer;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flink jobs on a MiniCluster writing through the sink to a real VictoriaMetrics. */
class InfluxSinkITCase {

    /** Keeps every sample: shows exactly what the sink wrote, duplicates included. */
    @RegisterExtension
    static final VictoriaMetricsServer RAW = VictoriaMetricsServer.create().withoutDeduplication();

    /** One sample per series and millisecond, like InfluxDB's one point per series and timestamp. */
    @RegisterExtension
    static final VictoriaMetricsServer DEDUP = VictoriaMetricsServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(4);

    private static final long BASE = 1_700_000_000_000L; // 2023: readable at once after a flush
    private static final int RECORDS = 3_000;

    /** Record i: device d(i%10) at site north/south wing, one reading per second per record. */
    static InfluxPoint reading(String measurement, long i, int valueOffset, boolean tagsReversed) {
        InfluxPoint.Builder point = InfluxPoint.builder(measurement);
        String device = "d" + (i % 10);
        String site = i % 2 == 0 ? "north" : "south wing";
        if (tagsReversed) {
            point.tag("site", site).tag("device", device);
        } else {
            point.tag("device", device).tag("site", site);
        }
        return point.field("temperature", 20 + (i % 100) / 4.0 + valueOffset)
                .field("battery", i + valueOffset)
                .field("online", i % 3 == 0)
                .time(BASE + i * 1_000, InfluxPrecision.MILLISECONDS)
                .build();
    }

    private static void runJob(VictoriaMetricsServer server, String bucket, String measurement, int records,
                               int valueOffset, boolean tagsReversed) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromSequence(0, records - 1)
                .sinkTo(InfluxSink.<Long>builder()
                        .url(server.url())
                        .token("test-token")
                        .org("pulse")
                        .bucket(bucket)
                        .batchSize(500)
                        .pointMapper(i -> List.of(reading(measurement, i, valueOffset, tagsReversed)))
                        .build());
        env.execute("influx-sink-" + measurement);
    }

    @Test
    void everyPointIsReadBackWithItsTagsFieldsAndTimestampExactlyOnce() throws Exception {
        runJob(RAW, "telemetry", "readings", RECORDS, 0, false);

        // flush(endOfInput) wrote everything before the job finished: no waiting needed.
        List<ExportedSeries> all = RAW.export("{__name__=~\"readings_.*\"}");
        assertThat(all).extracting(ExportedSeries::metric).containsOnly(
                "readings_temperature", "readings_battery", "readings_online");
        for (String metric : List.of("readings_temperature", "readings_battery", "readings_online")) {
            List<ExportedSeries> series = all.stream().filter(s -> s.metric().equals(metric)).toList();
            assertThat(series).as(metric).hasSize(10); // one per device
            assertThat(series.stream().mapToInt(ExportedSeries::size).sum()).as(metric).isEqualTo(RECORDS);
            for (ExportedSeries s : series) {
                for (int k = 0; k < s.size(); k++) {
                    long i = (s.timestamps().get(k) - BASE) / 1_000;
                    InfluxPoint expected = reading("readings", i, 0, false);
                    assertThat(s.labels()).isEqualTo(expected.tags());
                    Object field = expected.fields().get(metric.substring("readings_".length()));
                    double value = field instanceof Boolean b ? (b ? 1 : 0) : ((Number) field).doubleValue();
                    assertThat(s.values().get(k)).as("%s at %d", metric, i).isEqualTo(value);
                }
            }
        }
    }

    @Test
    void escapedNamesArriveIntactOnARealParser() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData(InfluxPoint.builder("door events")
                        .tag("gate name", "main gate,north=A")
                        .tag("kind", "a\\b")
                        .field("open count=total", 2L)
                        .time(BASE, InfluxPrecision.MILLISECONDS)
                        .build())
                .sinkTo(InfluxSink.<InfluxPoint>builder().url(RAW.url()).org("pulse").bucket("telemetry")
                        .pointMapper(InfluxPointMapper.identity()).build());
        env.execute("influx-sink-escaping");

        assertThat(RAW.export("{__name__=\"door events_open count=total\"}")).singleElement().satisfies(s -> {
            assertThat(s.labels()).isEqualTo(Map.of("gate name", "main gate,north=A", "kind", "a\\b"));
            assertThat(s.valueAt(BASE)).isEqualTo(2.0);
        });
    }

    @Test
    void replayedRecordsLeaveOneSamplePerSeriesAndTimestamp() throws Exception {
        runJob(DEDUP, "telemetry", "replayed", 2_000, 0, false);
        runJob(DEDUP, "telemetry", "replayed", 2_000, 0, true); // a replay: same records, tags built in another order

        List<ExportedSeries> battery = DEDUP.export("replayed_battery");
        assertThat(battery).hasSize(10);
        for (ExportedSeries s : battery) {
            assertThat(new HashSet<>(s.timestamps())).as("timestamps of %s", s.labels()).hasSize(s.size());
            for (int k = 0; k < s.size(); k++) {
                assertThat(s.values().get(k)).isEqualTo((double) ((s.timestamps().get(k) - BASE) / 1_000));
            }
        }
        assertThat(battery.stream().mapToInt(ExportedSeries::size).sum()).isEqualTo(2_000);
    }

    @Test
    void aSecondWriteOfARecordTargetsTheSameSeriesAndTimestamp() throws Exception {
        // What makes a rewrite overwrite in InfluxDB: the same measurement, tag set and timestamp.
        // The server without deduplication shows both writes side by side on one series.
        runJob(RAW, "telemetry", "rewritten", 1_000, 0, false);
        runJob(RAW, "telemetry", "rewritten", 1_000, 1_000, true);

        List<ExportedSeries> battery = RAW.export("rewritten_battery");
        assertThat(battery).hasSize(10); // no new series for the second write
        for (ExportedSeries s : battery) {
            Set<Long> timestamps = new HashSet<>(s.timestamps());
            assertThat(s.size()).isEqualTo(2 * timestamps.size());
            for (long ts : timestamps) {
                long i = (ts - BASE) / 1_000;
                List<Double> atTs = java.util.stream.IntStream.range(0, s.size())
                        .filter(k -> s.timestamps().get(k) == ts).mapToObj(s.values()::get).toList();
                assertThat(atTs).containsExactlyInAnyOrder((double) i, (double) i + 1_000);
            }
        }
    }

    @Test
    void aLineTheServerRefusesFailsTheJobNamingTheBucketAndTheServersMessage() {
        Configuration noRestarts = new Configuration();
        noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noRestarts);
        env.setParallelism(1);
        env.fromData(1L, 2L, 3L)
                .sinkTo(InfluxSink.<Long>builder().url(DEDUP.url()).token("test-token").org("pulse")
                        .bucket("campus-telemetry")
                        // A line over VictoriaMetrics' 256 KiB limit stands for any line a server
                        // refuses. It answers 400 only when that line ends the request body (inside
                        // a batch it drops the line and answers 204), hence batches of one.
                        .batchSize(1)
                        .pointMapper(i -> List.of(InfluxPoint.builder("notes").tag("device", "d" + i)
                                .field("text", i == 2 ? "x".repeat(300_000) : "short")
                                .time(BASE + i, InfluxPrecision.MILLISECONDS).build()))
                        .retries(5, Duration.ofMillis(10), Duration.ofMillis(10))
                        .build());

        assertThatThrownBy(() -> env.execute("influx-sink-refused"))
                .satisfies(e -> assertThat(ExceptionUtils.stringifyException(e))
                        .contains("InfluxWriteException")
                        .contains("bucket 'campus-telemetry' (org 'pulse') refused 1 point: HTTP 400")
                        .contains("too long line")
                        .contains("check the point mapper"));
    }

    @Test
    void timestampsAreSentInTheConfiguredPrecision() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData(InfluxPoint.builder("coarse").tag("device", "d1").field("f", 1.0)
                        .time(BASE * 1_000_000 + 123_456_789, InfluxPrecision.NANOSECONDS).build())
                .sinkTo(InfluxSink.<InfluxPoint>builder().url(RAW.url()).org("pulse").bucket("telemetry")
                        .precision(InfluxPrecision.SECONDS).pointMapper(InfluxPointMapper.identity()).build());
        env.execute("influx-sink-precision");

        assertThat(RAW.export("coarse_f")).singleElement()
                .satisfies(s -> assertThat(s.timestamps()).containsExactly(BASE)); // .123456789 s cut off
    }
}

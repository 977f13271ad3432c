package io.pulse.jobs.telemetry.serialization;

import io.pulse.jobs.SerializerSnapshots;
import io.pulse.jobs.telemetry.Reading;
import io.pulse.jobs.telemetry.alerts.AlertInput;
import io.pulse.jobs.telemetry.alerts.AlertMatch;
import io.pulse.jobs.telemetry.alerts.AlertSignal;
import io.pulse.jobs.telemetry.alerts.EvaluatedReading;
import io.pulse.jobs.telemetry.quality.ScoredReading;
import io.pulse.jobs.telemetry.rules.AlertType;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecordSerializersTest {

    private static final EvaluatedReading EVALUATED = new EvaluatedReading("lab-a-01", 1_700_000_000_123L, "Lab A",
            81.5, Double.NaN, 12.0, 0.25, true, false, true, false, true, false, true, 5.0, 3.75, "humidity,temperature", 90_000);
    private static final EvaluatedReading EVALUATED_NULLS = new EvaluatedReading("b", 2, null,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, true, false, true, false, true, false, Double.NaN, 0, null, 0);

    @Test
    void everyTelemetryRecordRoundTripsEqualIncludingNullsAndNaN() throws IOException {
        SerializerSnapshots.assertRoundTrips(ReadingSerializer.INSTANCE, new Reading("lab-a-01", 42, Map.of("temperature", 21.5, "co2_ppm", 400.0)));
        SerializerSnapshots.assertRoundTrips(ReadingSerializer.INSTANCE, new Reading("é-device", -1, Map.of()));
        SerializerSnapshots.assertRoundTrips(AlertInputSerializer.INSTANCE,
                new AlertInput("d", 7, Map.of("humidity", 55.0), Set.of("humidity", "x"), 3.5, "Lab 2", 60_000));
        SerializerSnapshots.assertRoundTrips(AlertInputSerializer.INSTANCE, new AlertInput("d", 7, Map.of(), Set.of(), 0, null, 0));
        SerializerSnapshots.assertRoundTrips(ScoredReadingSerializer.INSTANCE, new ScoredReading("d", 9, Map.of("battery", 3.7),
                Map.of("battery", Double.NaN), Set.of("battery")));
        SerializerSnapshots.assertRoundTrips(EvaluatedReadingSerializer.INSTANCE, EVALUATED);
        SerializerSnapshots.assertRoundTrips(EvaluatedReadingSerializer.INSTANCE, EVALUATED_NULLS);
        SerializerSnapshots.assertRoundTrips(AlertSignalSerializer.INSTANCE, AlertSignal.of(EVALUATED));
        SerializerSnapshots.assertRoundTrips(AlertSignalSerializer.INSTANCE, AlertSignal.of(new AlertMatch("d", AlertType.OVERHEAT, 10, 5, 3,
                81.0, 79.5, "3 readings above 80", null)));
    }

    @Test
    void flinkFindsTheSerializersThroughTheRecordsAnnotations() {
        Map<Class<?>, TypeSerializer<?>> expected = Map.of(
                Reading.class, ReadingSerializer.INSTANCE,
                AlertInput.class, AlertInputSerializer.INSTANCE,
                ScoredReading.class, ScoredReadingSerializer.INSTANCE,
                EvaluatedReading.class, EvaluatedReadingSerializer.INSTANCE,
                AlertSignal.class, AlertSignalSerializer.INSTANCE);
        expected.forEach((type, serializer) -> {
            TypeInformation<?> info = TypeInformation.of(type);
            assertThat(info.createSerializer(new SerializerConfigImpl())).as(type.getSimpleName()).isSameAs(serializer);
            Class<?> other = type == Reading.class ? AlertInput.class : Reading.class;
            assertThat(info).isEqualTo(TypeInformation.of(type)).isNotEqualTo(TypeInformation.of(other));
        });
    }

    @Test
    void theirSnapshotsRestoreTheSameSerializersCompatibleAsIs() throws IOException {
        for (TypeSerializer<?> serializer : List.of(ReadingSerializer.INSTANCE, AlertInputSerializer.INSTANCE,
                ScoredReadingSerializer.INSTANCE, EvaluatedReadingSerializer.INSTANCE, AlertSignalSerializer.INSTANCE)) {
            SerializerSnapshots.assertRestoresCompatibleAsIs(serializer);
        }
    }
}

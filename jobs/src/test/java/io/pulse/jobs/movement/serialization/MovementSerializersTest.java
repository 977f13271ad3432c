package io.pulse.jobs.movement.serialization;

import io.pulse.jobs.SerializerSnapshots;
import io.pulse.jobs.movement.direction.Direction;
import io.pulse.jobs.movement.direction.MovementEvent;
import io.pulse.jobs.movement.ingest.GateRole;
import io.pulse.jobs.movement.ingest.Sighting;
import io.pulse.jobs.movement.occupancy.OccupancyChange;
import io.pulse.jobs.movement.traffic.TrafficEvent;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MovementSerializersTest {

    @Test
    void everyRecordThatCrossesTheNetworkRoundTripsEqual() throws IOException {
        for (GateRole role : GateRole.values()) {
            SerializerSnapshots.assertRoundTrips(SightingSerializer.INSTANCE,
                    new Sighting("main", "main-in", role, 1_700_000_000_000L, "p-" + role, role.ordinal() % 2 == 0));
        }
        for (Direction direction : Direction.values()) {
            SerializerSnapshots.assertRoundTrips(MovementEventSerializer.INSTANCE,
                    new MovementEvent("p-1", "east", direction, 42, direction.ordinal() == 0 ? null : "east-out"));
        }
        for (TrafficEvent.Kind kind : TrafficEvent.Kind.values()) {
            SerializerSnapshots.assertRoundTrips(TrafficEventSerializer.INSTANCE, new TrafficEvent("east", 7, kind));
        }
        SerializerSnapshots.assertRoundTrips(OccupancyChangeSerializer.INSTANCE, new OccupancyChange("campus", 9, -1));
    }

    @Test
    void flinkFindsThemThroughTheRecordsAnnotationsAndRestoresThem() throws IOException {
        Map<Class<?>, TypeSerializer<?>> expected = Map.of(
                Sighting.class, SightingSerializer.INSTANCE,
                MovementEvent.class, MovementEventSerializer.INSTANCE,
                TrafficEvent.class, TrafficEventSerializer.INSTANCE,
                OccupancyChange.class, OccupancyChangeSerializer.INSTANCE);
        expected.forEach((type, serializer) -> assertThat(TypeInformation.of(type).createSerializer(new SerializerConfigImpl()))
                .as(type.getSimpleName()).isSameAs(serializer));
        for (TypeSerializer<?> serializer : List.copyOf(expected.values())) {
            SerializerSnapshots.assertRestoresCompatibleAsIs(serializer);
        }
    }
}

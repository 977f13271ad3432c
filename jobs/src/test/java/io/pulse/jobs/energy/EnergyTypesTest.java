package io.pulse.jobs.energy;

import io.pulse.jobs.SerializerSnapshots;
import io.pulse.jobs.energy.daily.DailyEnergy;
import io.pulse.jobs.energy.integration.MeterHistory;
import io.pulse.jobs.energy.windows.EnergyWindow;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the energy job keeps in state and sends between operators: its readings by a serializer of their own, the rest by Flink's POJO serializer, never Kryo. */
class EnergyTypesTest {

    @Test
    void stateAndRecordsArePojos() {
        for (Class<?> type : new Class<?>[] {MeterHistory.class, EnergyWindow.class, DailyEnergy.class}) {
            assertThat(TypeInformation.of(type)).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
        }
    }

    @Test
    void readingsHaveTheirOwnSerializer() throws IOException {
        assertThat(TypeInformation.of(MeterReading.class).createSerializer(new SerializerConfigImpl()))
                .isSameAs(MeterReadingSerializer.INSTANCE);
        SerializerSnapshots.assertRoundTrips(MeterReadingSerializer.INSTANCE,
                new MeterReading("meter-01", 1_700_000_000_000L, 1_250.5, 230.1, 5.43, 9_876_543.25));
        SerializerSnapshots.assertRestoresCompatibleAsIs(MeterReadingSerializer.INSTANCE);
    }
}

package io.pulse.jobs.energy;

import io.pulse.jobs.energy.daily.DailyEnergy;
import io.pulse.jobs.energy.integration.MeterHistory;
import io.pulse.jobs.energy.windows.EnergyWindow;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the energy job keeps in state and sends between operators is serialized by Flink's POJO serializer, not Kryo. */
class EnergyTypesTest {

    @Test
    void stateAndRecordsArePojos() {
        for (Class<?> type : new Class<?>[] {MeterReading.class, MeterHistory.class, EnergyWindow.class, DailyEnergy.class}) {
            assertThat(TypeInformation.of(type)).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
        }
    }
}

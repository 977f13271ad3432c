package io.pulse.jobs.telemetry.alerts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FleetSilenceTest {

    private static final long TIMEOUT = 15_000;

    @Test
    void whileTheFleetReportsADeviceIsProvenSilentAtItsDeadline() {
        FleetSilence fleet = new FleetSilence();
        for (long t = 0; t <= 15_000; t += 1_000) {
            fleet.heard(t);
        }
        assertThat(fleet.provenAt(0, TIMEOUT, 14_000)).as("look again at the deadline").isEqualTo(15_000);
        assertThat(fleet.provenAt(0, TIMEOUT, 15_000)).isEqualTo(15_000);
    }

    @Test
    void aGapOfTheWholeFleetIsNotCountedButAShortPauseIs() {
        FleetSilence fleet = new FleetSilence();
        fleet.heard(0);
        fleet.heard(3_000); // 3 s: an ordinary pause, counted
        fleet.heard(23_000); // 20 s of nothing: not counted
        assertThat(fleet.provenAt(0, TIMEOUT, 23_000)).isEqualTo(35_000);
        for (long t = 24_000; t <= 35_000; t += 1_000) {
            fleet.heard(t);
        }
        assertThat(fleet.provenAt(0, TIMEOUT, 35_000)).isEqualTo(35_000);
    }

    @Test
    void aGapGoingOnNowIsNotCountedEither() {
        FleetSilence fleet = new FleetSilence();
        for (long t = 0; t <= 5_000; t += 1_000) {
            fleet.heard(t);
        }
        assertThat(fleet.provenAt(0, TIMEOUT, 15_000)).as("10 s of nothing so far").isEqualTo(25_000);
    }

    @Test
    void aWholeFleetSilentForTheTimeoutAndThirtySecondsIsSilentAllTheSame() {
        FleetSilence fleet = new FleetSilence();
        fleet.heard(0);
        assertThat(fleet.provenAt(0, TIMEOUT, 15_000)).as("nothing counted yet").isEqualTo(30_000);
        assertThat(fleet.provenAt(0, TIMEOUT, 30_000)).as("the cap").isEqualTo(45_000);
        assertThat(fleet.provenAt(0, TIMEOUT, 45_000)).isEqualTo(45_000);
    }

    @Test
    void timeBeforeThisRunStartedDoesNotCount() {
        FleetSilence fleet = new FleetSilence();
        fleet.started(100_000); // restored: the device was last heard by the run before
        assertThat(fleet.provenAt(0, TIMEOUT, 100_000)).isEqualTo(115_000);
    }
}

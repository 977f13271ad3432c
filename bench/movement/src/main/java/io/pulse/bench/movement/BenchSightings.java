package io.pulse.bench.movement;

import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.jobs.movement.ingest.GateRole;
import io.pulse.jobs.movement.ingest.MacAddress;
import io.pulse.jobs.movement.ingest.Pseudonyms;
import io.pulse.jobs.movement.ingest.Sighting;

import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Generators of the benchmark's sightings, parsed or as the contract's JSON. */
final class BenchSightings {

    static final String KEY = "bench-secret";

    private BenchSightings() {}

    /** Parsed, pseudonymized sightings of the {@link Schedule}: what the parse step hands the pipeline. */
    static final class Parsed implements GeneratorFunction<Long, Sighting> {
        private final int people;
        private final int perSecond;
        private transient Schedule schedule;
        private transient String[] ids;

        Parsed(int people, int perSecond) {
            this.people = people;
            this.perSecond = perSecond;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            schedule = new Schedule(people, perSecond);
            ids = personIds(people);
        }

        @Override
        public Sighting map(Long index) {
            Schedule.Slot s = schedule.slot(index);
            return s.person() < 0 ? new Sighting(s.gate(), s.scanner(), s.role(), s.ts(), null, true)
                    : new Sighting(s.gate(), s.scanner(), s.role(), s.ts(), ids[s.person()], false);
        }
    }

    /** The same sightings as MQTT messages with raw MACs, for the parse step (HMAC included). */
    static final class Messages implements GeneratorFunction<Long, MqttMessage> {
        private final int people;
        private final int perSecond;
        private transient Schedule schedule;
        private transient String[] macs;

        Messages(int people, int perSecond) {
            this.people = people;
            this.perSecond = perSecond;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            schedule = new Schedule(people, perSecond);
            macs = new String[people];
            for (int p = 0; p < people; p++) {
                macs[p] = Schedule.mac(p).toUpperCase(Locale.ROOT);
            }
        }

        @Override
        public MqttMessage map(Long index) {
            Schedule.Slot s = schedule.slot(index);
            String mac = s.person() < 0 ? Schedule.randomizedMac(index) : macs[s.person()];
            String json = "{\"scanner\":\"" + s.scanner() + "\",\"role\":\"" + s.role().name().toLowerCase(Locale.ROOT)
                    + "\",\"ts\":" + s.ts() + ",\"mac\":\"" + mac + "\",\"rssi\":-67}";
            return new MqttMessage("campus/gates/" + s.gate() + "/sightings", json.getBytes(StandardCharsets.UTF_8), 1, false, null, Map.of());
        }
    }

    /**
     * For the state measurement: {@code people} entries (lane {@code in}), then, when {@code leave},
     * their exits; {@link #idle} is what follows them, forever (see {@link io.pulse.bench.ThenIdle}).
     */
    static final class Movers implements GeneratorFunction<Long, Sighting> {
        private final int people;
        private transient String[] ids;

        Movers(int people) {
            this.people = people;
        }

        static long count(int people, boolean leave) {
            return leave ? 2L * people : people;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            ids = personIds(people);
        }

        @Override
        public Sighting map(Long index) {
            if (index < people) {
                return new Sighting("main", "main-in", GateRole.IN, Schedule.T0 + index, ids[index.intValue()], false);
            }
            return new Sighting("main", "main-out", GateRole.OUT, Schedule.T0 + 120_000 + index, ids[(int) (index - people)], false);
        }

        /**
         * Idle sighting k: randomized, one second of event time after the one before, which moves
         * event time on (debounce state expires) while the job stays up for its checkpoint.
         */
        static Sighting idle(long k) {
            return new Sighting("main", "main-in", GateRole.IN, Schedule.T0 + 300_000 + k * 1000, null, true);
        }
    }

    static String[] personIds(int people) {
        Pseudonyms pseudonyms = new Pseudonyms(KEY);
        String[] ids = new String[people];
        for (int p = 0; p < people; p++) {
            ids[p] = pseudonyms.personId(MacAddress.normalize(Schedule.mac(p)));
        }
        return ids;
    }
}

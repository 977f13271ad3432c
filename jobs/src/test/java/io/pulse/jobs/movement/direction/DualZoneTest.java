package io.pulse.jobs.movement.direction;

import io.pulse.jobs.movement.ingest.GateRole;
import io.pulse.jobs.movement.ingest.Sighting;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.operator.CepOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.pulse.jobs.movement.MovementFixtures.ALICE;
import static io.pulse.jobs.movement.MovementFixtures.BOB;
import static io.pulse.jobs.movement.MovementFixtures.at;
import static io.pulse.jobs.movement.MovementFixtures.sighting;
import static org.assertj.core.api.Assertions.assertThat;

/** The dual-zone CEP pattern in the operator Flink runs it in, per person and gate, in event time. */
class DualZoneTest {

    private KeyedOneInputStreamOperatorTestHarness<String, Sighting, MovementEvent> harness;

    @BeforeEach
    void open() throws Exception {
        CepOperator<Sighting, String, MovementEvent> operator = new CepOperator<>(
                TypeInformation.of(Sighting.class).createSerializer(new SerializerConfigImpl()), false,
                NFACompiler.compileFactory(DualZone.pattern(Duration.ofSeconds(30)), false), null,
                AfterMatchSkipStrategy.skipPastLastEvent(), new DualZone.ToCrossing(), null);
        harness = new KeyedOneInputStreamOperatorTestHarness<>(operator, Sighting::personAtGate, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(String person, GateRole role, double seconds) throws Exception {
        Sighting s = sighting(person, "east", "east-" + role.name().toLowerCase(), role, seconds);
        harness.processElement(new StreamRecord<>(s, s.ts()));
    }

    @Test
    void outerThenInnerIsAnEntryAtTheInnerSighting() throws Exception {
        send(ALICE, GateRole.OUTER, 0);
        send(ALICE, GateRole.INNER, 12);
        harness.processWatermark(at(100));
        assertThat(harness.extractOutputValues())
                .containsExactly(new MovementEvent(ALICE, "east", Direction.ENTRY, at(12), "east-inner"));
    }

    @Test
    void innerThenOuterIsAnExitAtTheOuterSightingEvenWhenTheyArriveOutOfOrder() throws Exception {
        send(ALICE, GateRole.OUTER, 30);   // arrives first, happened second
        send(ALICE, GateRole.INNER, 0);
        harness.processWatermark(at(100));
        assertThat(harness.extractOutputValues())
                .containsExactly(new MovementEvent(ALICE, "east", Direction.EXIT, at(30), "east-outer"));
    }

    @Test
    void zoneSightingsThatPairWithNothingGiveNoEvent() throws Exception {
        send(ALICE, GateRole.OUTER, 0);
        send(ALICE, GateRole.INNER, 31);   // too late for the outer one
        send(BOB, GateRole.INNER, 0);
        send(BOB, GateRole.INNER, 10);     // the same zone twice
        harness.processWatermark(at(200));
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void theSightingsOfACrossingAreNotReused() throws Exception {
        send(ALICE, GateRole.OUTER, 0);
        send(ALICE, GateRole.INNER, 5);    // entry at 5
        send(ALICE, GateRole.OUTER, 20);   // pairs with nothing: inner@5 belongs to the entry
        send(ALICE, GateRole.INNER, 100);
        send(ALICE, GateRole.OUTER, 110);  // exit at 110
        harness.processWatermark(at(300));
        assertThat(harness.extractOutputValues()).containsExactly(
                new MovementEvent(ALICE, "east", Direction.ENTRY, at(5), "east-inner"),
                new MovementEvent(ALICE, "east", Direction.EXIT, at(110), "east-outer"));
    }
}

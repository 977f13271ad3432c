package io.pulse.jobs.movement.direction;

import io.pulse.jobs.movement.ingest.GateRole;
import io.pulse.jobs.movement.ingest.Sighting;
import io.pulse.jobs.serialization.StringKeyTypeInfo;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Contract 4.3 at a dual-zone gate, with Flink CEP per person and gate in event time: a zone
 * sighting directly followed by one in the other zone within the window is a crossing. Outer then
 * inner is an ENTRY at the inner sighting's time; inner then outer an EXIT at the outer one's. A
 * sighting that pairs with nothing gives nothing; the two of a crossing are not reused.
 */
public final class DualZone {

    static final String FIRST = "first";
    static final String SECOND = "second";

    private DualZone() {}

    public static Pattern<Sighting, ?> pattern(Duration within) {
        return Pattern.<Sighting>begin(FIRST, AfterMatchSkipStrategy.skipPastLastEvent())
                .where(SimpleCondition.of(s -> !s.role().lane()))
                .next(SECOND)
                .where(new OtherZone())
                .within(within.plusMillis(1)); // CEP windows exclude their end; the contract's 30 s include it
    }

    /** The crossings of zone sightings (already debounced), keyed here by person and gate. */
    public static SingleOutputStreamOperator<MovementEvent> crossings(DataStream<Sighting> zoneSightings, Duration within) {
        return CEP.pattern(zoneSightings.keyBy(Sighting::personAtGate, StringKeyTypeInfo.INSTANCE), pattern(within))
                .inEventTime()
                .process(new ToCrossing(), TypeInformation.of(MovementEvent.class));
    }

    /** The second sighting is in the zone the first was not. */
    static final class OtherZone extends IterativeCondition<Sighting> {
        @Override
        public boolean filter(Sighting second, Context<Sighting> ctx) throws Exception {
            for (Sighting first : ctx.getEventsForPattern(FIRST)) {
                return !second.role().lane() && second.role() != first.role();
            }
            return false;
        }
    }

    static final class ToCrossing extends PatternProcessFunction<Sighting, MovementEvent> {
        @Override
        public void processMatch(Map<String, List<Sighting>> match, Context ctx, Collector<MovementEvent> out) {
            Sighting first = match.get(FIRST).get(0);
            Sighting second = match.get(SECOND).get(0);
            Direction direction = first.role() == GateRole.OUTER ? Direction.ENTRY : Direction.EXIT;
            out.collect(new MovementEvent(second.personId(), second.gate(), direction, second.ts(), second.scanner()));
        }
    }
}

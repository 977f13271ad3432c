package io.pulse.jobs.movement.visits;

import io.pulse.jobs.movement.direction.Direction;
import io.pulse.jobs.movement.direction.MovementEvent;
import io.pulse.jobs.movement.occupancy.OccupancyChange;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Contract 4.4 and 4.5, per person in event time: events wait until the watermark (30 s behind
 * the newest sighting) passes them and are then applied in time order. ENTRY while outside opens
 * a visit, ENTRY while inside is ignored, EXIT while inside closes it, EXIT while outside is an
 * ORPHAN_EXIT. A visit open 16 h closes with exit unseen; one open 12 h is an OVERSTAY; presence at
 * the start of quiet hours (or an entry during them) is QUIET_HOURS. Nothing of a person is kept
 * once the visit has closed.
 *
 * <p>Emits visit rows; anomalies and occupancy changes (at the entry gate) leave through side outputs.
 */
public final class VisitPairing extends KeyedProcessFunction<String, MovementEvent, Visit> {

    public static final OutputTag<Anomaly> ANOMALIES = new OutputTag<>("movement-anomalies", TypeInformation.of(Anomaly.class));
    public static final OutputTag<OccupancyChange> OCCUPANCY =
            new OutputTag<>("occupancy-changes", TypeInformation.of(OccupancyChange.class));

    private final VisitSettings settings;
    private transient ValueState<OpenVisit> open;
    private transient MapState<Long, List<MovementEvent>> waiting;
    private transient Counter ignoredEntries;

    public VisitPairing(VisitSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        open = getRuntimeContext().getState(new ValueStateDescriptor<>("open-visit", TypeInformation.of(OpenVisit.class)));
        waiting = getRuntimeContext().getMapState(new MapStateDescriptor<>("waiting-events", Types.LONG,
                Types.LIST(TypeInformation.of(MovementEvent.class))));
        ignoredEntries = getRuntimeContext().getMetricGroup().counter("entriesWhileInside");
    }

    @Override
    public void processElement(MovementEvent event, Context ctx, Collector<Visit> out) throws Exception {
        List<MovementEvent> atTs = waiting.get(event.ts());
        if (atTs == null) {
            atTs = new ArrayList<>(1);
            ctx.timerService().registerEventTimeTimer(event.ts());
        }
        atTs.add(event);
        waiting.put(event.ts(), atTs);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Visit> out) throws Exception {
        List<MovementEvent> due = waiting.get(timestamp);
        if (due != null) {
            waiting.remove(timestamp);
            for (MovementEvent event : due) {
                apply(event, ctx, out);
            }
        }
        OpenVisit visit = open.value();
        if (visit != null) {
            checkDeadlines(visit, timestamp, ctx, out);
        }
    }

    private void apply(MovementEvent event, OnTimerContext ctx, Collector<Visit> out) throws Exception {
        OpenVisit visit = open.value();
        String person = event.personId();
        if (event.direction() == Direction.ENTRY) {
            if (visit != null) {
                ignoredEntries.inc();
                return;
            }
            long quiet = -1;
            if (settings.quietHours() != null) {
                if (settings.quietHours().contains(event.ts())) {
                    ctx.output(ANOMALIES, new Anomaly(person, event.ts(), Anomaly.Kind.QUIET_HOURS, event.gate(),
                            "entered during quiet hours"));
                }
                quiet = settings.quietHours().nextStartAfter(event.ts());
                ctx.timerService().registerEventTimeTimer(quiet);
            }
            open.update(new OpenVisit(event.ts(), event.gate(), false, quiet));
            ctx.timerService().registerEventTimeTimer(event.ts() + settings.overstay().toMillis());
            ctx.timerService().registerEventTimeTimer(event.ts() + settings.maxOpen().toMillis());
            out.collect(Visit.opened(person, event.ts(), event.gate()));
            ctx.output(OCCUPANCY, new OccupancyChange(event.gate(), event.ts(), +1));
        } else if (visit == null) {
            ctx.output(ANOMALIES, new Anomaly(person, event.ts(), Anomaly.Kind.ORPHAN_EXIT, event.gate(),
                    "exit without an entry"));
        } else {
            out.collect(Visit.exited(person, visit, event.ts(), event.gate()));
            close(visit, event.ts(), ctx);
        }
    }

    private void checkDeadlines(OpenVisit visit, long now, OnTimerContext ctx, Collector<Visit> out) throws Exception {
        String person = ctx.getCurrentKey();
        long closeAt = visit.enteredAt() + settings.maxOpen().toMillis();
        if (now >= closeAt) {
            out.collect(Visit.exitUnseen(person, visit));
            close(visit, closeAt, ctx);
            return;
        }
        long overstayAt = visit.enteredAt() + settings.overstay().toMillis();
        if (!visit.overstayReported() && now >= overstayAt) {
            ctx.output(ANOMALIES, new Anomaly(person, overstayAt, Anomaly.Kind.OVERSTAY, visit.entryGate(),
                    "inside longer than " + hours(settings.overstay()) + " (entered " + Instant.ofEpochMilli(visit.enteredAt()) + ")"));
            visit = new OpenVisit(visit.enteredAt(), visit.entryGate(), true, visit.nextQuietCheck());
        }
        if (visit.nextQuietCheck() >= 0 && now >= visit.nextQuietCheck()) {
            ctx.output(ANOMALIES, new Anomaly(person, visit.nextQuietCheck(), Anomaly.Kind.QUIET_HOURS, visit.entryGate(),
                    "inside when quiet hours began (entered " + Instant.ofEpochMilli(visit.enteredAt()) + ")"));
            long next = settings.quietHours().nextStartAfter(visit.nextQuietCheck());
            ctx.timerService().registerEventTimeTimer(next);
            visit = new OpenVisit(visit.enteredAt(), visit.entryGate(), visit.overstayReported(), next);
        }
        open.update(visit);
    }

    /** The visit has ended at {@code at}: one person fewer, and nothing of them is kept. */
    private void close(OpenVisit visit, long at, OnTimerContext ctx) throws Exception {
        ctx.output(OCCUPANCY, new OccupancyChange(visit.entryGate(), at, -1));
        deleteDeadline(visit.enteredAt() + settings.overstay().toMillis(), ctx);
        deleteDeadline(visit.enteredAt() + settings.maxOpen().toMillis(), ctx);
        if (visit.nextQuietCheck() >= 0) {
            deleteDeadline(visit.nextQuietCheck(), ctx);
        }
        open.clear();
    }

    /** A deadline's timer, unless an event waits for the same instant (timers are one per instant). */
    private void deleteDeadline(long at, OnTimerContext ctx) throws Exception {
        if (!waiting.contains(at)) {
            ctx.timerService().deleteEventTimeTimer(at);
        }
    }

    private static String hours(Duration d) {
        return d.toHours() + " h";
    }
}

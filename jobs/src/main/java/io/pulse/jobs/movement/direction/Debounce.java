package io.pulse.jobs.movement.direction;

import io.pulse.jobs.ingest.RejectedMessage;
import io.pulse.jobs.movement.ingest.Sighting;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Contract 4.2, per person and scanner: a sighting within {@code window} of the previous one
 * (kept or dropped) is dropped. Sightings are judged in event-time order: each waits until the
 * watermark passes it. One behind the watermark is refused as late to {@link #LATE}, any other
 * also goes to {@link #ACCEPTED} as it arrives (to be counted; debounced or not). The state is
 * gone {@code window} after the last sighting, when no sighting could be dropped by it any more.
 */
public final class Debounce extends KeyedProcessFunction<String, Sighting, Sighting> {

    public static final OutputTag<RejectedMessage> LATE =
            new OutputTag<>("late-sightings", TypeInformation.of(RejectedMessage.class));
    public static final OutputTag<Sighting> ACCEPTED = new OutputTag<>("accepted-sightings", TypeInformation.of(Sighting.class));

    private static final JsonMapper JSON = new JsonMapper();

    private final long windowMs;
    private transient ValueState<Long> previous;
    private transient MapState<Long, List<Sighting>> waiting;
    private transient Counter dropped;
    private transient Counter late;

    public Debounce(Duration window) {
        this.windowMs = window.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        previous = getRuntimeContext().getState(new ValueStateDescriptor<>("previous-sighting", Types.LONG));
        waiting = getRuntimeContext().getMapState(new MapStateDescriptor<>("waiting-sightings", Types.LONG,
                Types.LIST(TypeInformation.of(Sighting.class))));
        dropped = getRuntimeContext().getMetricGroup().counter("debouncedSightings");
        late = getRuntimeContext().getMetricGroup().counter("lateSightings");
    }

    @Override
    public void processElement(Sighting sighting, Context ctx, Collector<Sighting> out) throws Exception {
        if (sighting.ts() <= ctx.timerService().currentWatermark()) {
            late.inc();
            ctx.output(LATE, lateReject(sighting, ctx.timerService().currentProcessingTime()));
            return;
        }
        ctx.output(ACCEPTED, sighting);
        List<Sighting> atTs = waiting.get(sighting.ts());
        if (atTs == null) {
            atTs = new ArrayList<>(1);
            ctx.timerService().registerEventTimeTimer(sighting.ts());
        }
        atTs.add(sighting);
        waiting.put(sighting.ts(), atTs);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Sighting> out) throws Exception {
        List<Sighting> due = waiting.get(timestamp);
        Long last = previous.value();
        if (due == null) {
            // the clean-up timer: nothing arrived within the window after the last sighting
            if (last != null && timestamp >= last + windowMs) {
                previous.clear();
            }
            return;
        }
        waiting.remove(timestamp);
        for (Sighting sighting : due) {
            if (last != null && sighting.ts() - last < windowMs) {
                dropped.inc();
            } else {
                out.collect(sighting);
            }
            last = sighting.ts();
        }
        previous.update(last);
        ctx.timerService().registerEventTimeTimer(last + windowMs);
    }

    private static RejectedMessage lateReject(Sighting s, long now) {
        // The record holds no MAC: the stored payload is the pseudonymized sighting.
        ObjectNode json = JSON.createObjectNode().put("scanner", s.scanner())
                .put("role", s.role().name().toLowerCase(Locale.ROOT)).put("ts", s.ts()).put("personId", s.personId());
        return RejectedMessage.of("movement", "campus/gates/" + s.gate() + "/sightings",
                json.toString().getBytes(StandardCharsets.UTF_8), "late: more than the tolerated 30 s behind event time",
                Instant.ofEpochMilli(now));
    }
}

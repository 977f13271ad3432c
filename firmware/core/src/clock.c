#include "pulse/clock.h"

#include "pulse/limits.h"

void pulse_clock_init(pulse_clock *c, uint32_t boot_id) {
    c->set = false;
    c->wall_minus_mono_ms = 0;
    c->boot_id = boot_id;
}

bool pulse_clock_sync(pulse_clock *c, int64_t wall_ms, int64_t mono_ms) {
    if (wall_ms < PULSE_MIN_EPOCH_MS) {
        return false;
    }
    c->wall_minus_mono_ms = wall_ms - mono_ms;
    c->set = true;
    return true;
}

pulse_stamp pulse_clock_stamp(const pulse_clock *c, int64_t mono_ms) {
    pulse_stamp s;
    s.boot_id = c->boot_id;
    if (c->set) {
        s.kind = PULSE_STAMP_WALL;
        s.ms = mono_ms + c->wall_minus_mono_ms;
    } else {
        s.kind = PULSE_STAMP_MONO;
        s.ms = mono_ms;
    }
    return s;
}

pulse_time_status pulse_clock_resolve(const pulse_clock *c, const pulse_stamp *s, int64_t *wall_ms) {
    int64_t wall;
    if (s->kind == PULSE_STAMP_WALL) {
        wall = s->ms;
    } else if (s->kind != PULSE_STAMP_MONO || s->boot_id != c->boot_id) {
        return PULSE_TIME_NEVER;
    } else if (!c->set) {
        return PULSE_TIME_NOT_YET;
    } else {
        wall = s->ms + c->wall_minus_mono_ms;
    }
    if (wall < PULSE_MIN_EPOCH_MS) {
        return PULSE_TIME_NEVER;
    }
    *wall_ms = wall;
    return PULSE_TIME_OK;
}

#include "pulse/sensor_node.h"

#include <math.h>
#include <string.h>

#include "pulse/metrics.h"

bool pulse_node_init(pulse_sensor_node *n, const pulse_node_config *cfg, pulse_ring *ring,
                     const pulse_clock *clock) {
    memset(n, 0, sizeof *n);
    n->cfg = *cfg;
    n->ring = ring;
    n->clock = clock;
    for (unsigned i = 0; i < cfg->privacy_count; i++) {
        if (pulse_dp_enabled(cfg->privacy[i].setting) && cfg->rng == NULL) {
            return false;
        }
    }
    return true;
}

/* One measured metric as it leaves the device; false when it is a sensor fault. */
static bool privatize(const pulse_sensor_node *n, const pulse_metric *m, double *out) {
    const pulse_metric_range *range = pulse_metric_range_of(m->name);
    if (!isfinite(m->value)) {
        return false;
    }
    if (range != NULL && (range->is_bool != m->is_bool || m->value < range->min || m->value > range->max)) {
        return false;
    }
    pulse_dp_setting dp = pulse_dp_lookup(n->cfg.privacy, n->cfg.privacy_count, m->name);
    if (m->is_bool) {
        *out = pulse_dp_bit(n->cfg.rng, dp, m->value != 0) ? 1 : 0;
    } else {
        *out = pulse_dp_number(n->cfg.rng, dp, m->value, range ? range->min : -INFINITY,
                               range ? range->max : INFINITY);
    }
    return true;
}

int pulse_node_record(pulse_sensor_node *n, const pulse_reading *measured, int64_t mono_ms,
                      pulse_reading *sent) {
    pulse_reading r;
    memset(&r, 0, sizeof r);
    r.at = pulse_clock_stamp(n->clock, mono_ms);
    for (unsigned i = 0; i < measured->count; i++) {
        double value;
        if (!privatize(n, &measured->metrics[i], &value)
            || !pulse_reading_add(&r, measured->metrics[i].name, value, measured->metrics[i].is_bool)) {
            n->stats.faults++;
        }
    }
    if (r.count == 0) {
        return -1;
    }
    /* evictions are reported with the next reading that gets out: a loss is never silent */
    pulse_reading_add(&r, "bufferEvicted", pulse_ring_evicted(n->ring), false);
    uint8_t rec[PULSE_RECORD_MAX];
    size_t len = pulse_record_put_reading(&r, rec, sizeof rec);
    int evicted = len == 0 ? -1 : pulse_ring_push(n->ring, rec, (uint32_t)len);
    if (evicted >= 0) {
        n->stats.readings++;
        if (sent != NULL) {
            *sent = r;
        }
    }
    return evicted;
}

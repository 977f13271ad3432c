#include "pulse/channel_hop.h"

void pulse_hopper_init(pulse_hopper *h, const pulse_hop_plan *plan, int64_t now_ms) {
    h->plan = *plan;
    h->uplink = false;
    h->window_start_ms = now_ms;
}

pulse_radio pulse_hopper_step(pulse_hopper *h, int64_t now_ms, bool drained) {
    int64_t in_window = now_ms - h->window_start_ms;
    if (!h->uplink && in_window >= h->plan.sniff_ms) {
        h->uplink = true;
        h->window_start_ms = now_ms;
        in_window = 0;
    } else if (h->uplink && (drained || in_window >= h->plan.uplink_max_ms)) {
        h->uplink = false;
        h->window_start_ms = now_ms;
        in_window = 0;
    }
    pulse_radio r = {h->uplink, 0};
    if (!h->uplink && h->plan.count > 0) {
        uint32_t dwell = h->plan.dwell_ms > 0 ? h->plan.dwell_ms : 1;
        r.channel = h->plan.channels[(in_window / dwell) % h->plan.count];
    }
    return r;
}

#include "pulse/gate_scanner.h"

#include <string.h>

#include "pulse/pseudonym.h"

void pulse_gate_init(pulse_gate_scanner *g, const pulse_gate_config *cfg, pulse_ring *ring,
                     const pulse_clock *clock, pulse_debounce_slot *slots, size_t slot_count) {
    memset(g, 0, sizeof *g);
    g->cfg = *cfg;
    g->ring = ring;
    g->clock = clock;
    pulse_debounce_init(&g->debounce, slots, slot_count, cfg->debounce_ms);
}

bool pulse_gate_randomized(const pulse_gate_config *cfg, const pulse_frame_sender *sender) {
    if (!pulse_mac_locally_administered(&sender->station)) {
        return false;
    }
    if (cfg->associated_is_stable && sender->data_to_ap) {
        for (size_t i = 0; i < cfg->campus_bssid_count; i++) {
            if (pulse_mac_equal(&cfg->campus_bssids[i], &sender->bssid)) {
                return false; /* joined to the campus network: its per-network address */
            }
        }
    }
    return true;
}

static uint64_t first_8_bytes(const uint8_t *b, size_t n) {
    uint64_t v = 0;
    for (size_t i = 0; i < 8 && i < n; i++) {
        v = v << 8 | b[i];
    }
    return v;
}

pulse_frame_outcome pulse_gate_frame(pulse_gate_scanner *g, const uint8_t *frame, size_t len,
                                     int8_t rssi, int64_t mono_ms) {
    g->stats.frames++;
    pulse_frame_sender sender;
    if (!pulse_wifi_frame_sender(frame, len, &sender)) {
        g->stats.not_station++;
        return PULSE_FRAME_NOT_STATION;
    }
    if (rssi < g->cfg.min_rssi) {
        g->stats.weak++;
        return PULSE_FRAME_WEAK;
    }
    pulse_sighting s;
    memset(&s, 0, sizeof s);
    s.at = pulse_clock_stamp(g->clock, mono_ms);
    s.randomized = pulse_gate_randomized(&g->cfg, &sender);
    s.has_rssi = true;
    s.rssi = rssi;
    uint64_t key;
    if (g->cfg.hmac != NULL) {
        /* hashed before anything is kept: even the debounce table holds no MAC */
        if (pulse_pseudonym_digest(g->cfg.hmac, &sender.station, s.id) != 0) {
            g->stats.failed++;
            return PULSE_FRAME_FAILED;
        }
        s.hashed = true;
        key = first_8_bytes(s.id, PULSE_HMAC_SHA256_LEN);
    } else {
        memcpy(s.id, sender.station.octet, 6);
        key = first_8_bytes(sender.station.octet, 6);
    }
    memset(&sender, 0, sizeof sender);
    if (!pulse_debounce_admit(&g->debounce, key, mono_ms)) {
        g->stats.debounced++;
        return PULSE_FRAME_DEBOUNCED;
    }
    uint8_t rec[PULSE_RECORD_MAX];
    size_t n = pulse_record_put_sighting(&s, rec, sizeof rec);
    if (n == 0 || pulse_ring_push(g->ring, rec, (uint32_t)n) < 0) {
        g->stats.failed++;
        return PULSE_FRAME_FAILED;
    }
    g->stats.queued++;
    return PULSE_FRAME_QUEUED;
}

void pulse_gate_status(const pulse_gate_scanner *g, uint32_t untimed_dropped, pulse_reading *out) {
    memset(out, 0, sizeof *out);
    pulse_reading_add(out, "bufferEvicted", pulse_ring_evicted(g->ring), false);
    pulse_reading_add(out, "buffered", pulse_ring_count(g->ring), false);
    pulse_reading_add(out, "sightingsQueued", g->stats.queued, false);
    pulse_reading_add(out, "debounced", g->stats.debounced, false);
    pulse_reading_add(out, "debounceUntracked", g->debounce.untracked, false);
    pulse_reading_add(out, "untimedDropped", untimed_dropped, false);
}

int pulse_gate_report(pulse_gate_scanner *g, uint32_t untimed_dropped, int64_t mono_ms) {
    pulse_reading r;
    pulse_gate_status(g, untimed_dropped, &r);
    r.at = pulse_clock_stamp(g->clock, mono_ms);
    uint8_t rec[PULSE_RECORD_MAX];
    size_t n = pulse_record_put_reading(&r, rec, sizeof rec);
    return n == 0 ? -1 : pulse_ring_push(g->ring, rec, (uint32_t)n);
}

#include "pulse/uplink.h"

#include <stdio.h>
#include <string.h>

#include "pulse/ids.h"
#include "pulse/record.h"

static bool topic(char *out, size_t cap, const char *prefix, const char *id, const char *suffix) {
    if (!pulse_id_valid(id)) {
        return false;
    }
    int n = snprintf(out, cap, "%s%s%s", prefix, id, suffix);
    return n > 0 && (size_t)n < cap;
}

bool pulse_uplink_init(pulse_uplink *u, pulse_ring *ring, const pulse_clock *clock,
                       pulse_mqtt_port mqtt, const pulse_uplink_config *config, char *buf,
                       size_t cap) {
    memset(u, 0, sizeof *u);
    u->ring = ring;
    u->clock = clock;
    u->mqtt = mqtt;
    u->limits = config->limits;
    u->buf = buf;
    u->cap = cap;
    u->who.scanner = config->gate != NULL ? config->scanner : NULL;
    u->who.role = config->gate != NULL ? config->role : NULL;
    u->who.device_id = config->device_id;
    if (config->gate != NULL
        && (!topic(u->sightings_topic, sizeof u->sightings_topic, "campus/gates/", config->gate, "/sightings")
            || !pulse_id_valid(config->scanner) || config->role == NULL)) {
        return false;
    }
    if (config->device_id != NULL
        && !topic(u->telemetry_topic, sizeof u->telemetry_topic, "devices/", config->device_id, "/telemetry")) {
        return false;
    }
    return true;
}

void pulse_uplink_connected(pulse_uplink *u) {
    u->connected = true;
    u->inflight_id = 0;
}

void pulse_uplink_disconnected(pulse_uplink *u) {
    u->connected = false;
    u->inflight_id = 0; /* not acknowledged: it stays buffered and goes again */
}

void pulse_uplink_acked(pulse_uplink *u, int message_id) {
    if (u->inflight_id == 0 || message_id != u->inflight_id) {
        return;
    }
    /* Evictions while in flight took the oldest records, i.e. these: drop only the rest. */
    uint32_t evicted = pulse_ring_evicted(u->ring) - u->evicted_at_send;
    uint32_t remaining = u->inflight_records > evicted ? u->inflight_records - evicted : 0;
    pulse_ring_drop(u->ring, remaining);
    u->stats.messages++;
    u->stats.records += u->inflight_records;
    u->inflight_id = 0;
}

uint32_t pulse_uplink_poll(pulse_uplink *u) {
    if (!u->connected || u->inflight_id != 0) {
        return 0;
    }
    for (;;) {
        pulse_batch b = pulse_batch_build(u->ring, u->clock, &u->who, u->limits, u->buf, u->cap);
        if (b.status == PULSE_BATCH_DEAD_HEAD || b.status == PULSE_BATCH_UNSENDABLE) {
            /* it can never be sent: drop it and count it, so the rest is not stuck behind it */
            pulse_ring_drop(u->ring, 1);
            if (b.status == PULSE_BATCH_DEAD_HEAD) {
                u->stats.untimed++;
            } else {
                u->stats.unsendable++;
            }
            continue;
        }
        if (b.status != PULSE_BATCH_READY) {
            return 0;
        }
        const char *t = b.kind == PULSE_RECORD_SIGHTING ? u->sightings_topic : u->telemetry_topic;
        int id = u->mqtt.publish(u->mqtt.ctx, t, u->buf, b.len);
        if (id <= 0) {
            u->stats.publish_errors++;
            return 0; /* stays buffered; tried again at the next poll */
        }
        u->inflight_id = id;
        u->inflight_records = b.records;
        u->evicted_at_send = pulse_ring_evicted(u->ring);
        return b.records;
    }
}

bool pulse_uplink_idle(const pulse_uplink *u) {
    return u->inflight_id == 0 && pulse_ring_count(u->ring) == 0;
}

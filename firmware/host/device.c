#include "device.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host_ports.h"
#include "pulse/commands.h"
#include "pulse/iso_time.h"

void say(const char *format, ...) {
    va_list args;
    va_start(args, format);
    vprintf(format, args);
    va_end(args);
    putchar('\n');
    fflush(stdout);
}

/* ---- actuators: a real node switches a GPIO (a relay for the fan, a buzzer) */

static int switch_actuator(void *ctx, const char *name, bool on) {
    (void)ctx;
    say("actuator %s %s", name, on ? "on" : "off");
    return 0;
}

static const pulse_actuator NODE_ACTUATORS[] = {{"fan", switch_actuator, NULL}, {"buzzer", switch_actuator, NULL}};

/* ---- MQTT events */

static void on_connected(void *ctx) {
    device *d = ctx;
    pulse_uplink_connected(&d->uplink);
    say("connected");
}

static void on_disconnected(void *ctx, const char *why) {
    device *d = ctx;
    pulse_uplink_disconnected(&d->uplink);
    say("disconnected %s", why);
}

static void on_acked(void *ctx, int message_id) {
    device *d = ctx;
    uint32_t before = d->uplink.stats.records;
    pulse_uplink_acked(&d->uplink, message_id);
    if (d->uplink.stats.records != before) {
        say("acked id=%d records=%u", message_id, d->uplink.stats.records - before);
    }
}

static void on_message(void *ctx, const char *topic, const char *payload, size_t len) {
    device *d = ctx;
    if (strcmp(topic, d->command_topic) != 0) {
        return;
    }
    char reason[PULSE_COMMAND_REASON_MAX];
    bool node = d->o->kind == KIND_SENSOR_NODE;
    pulse_command_result r = pulse_command_handle(node ? NODE_ACTUATORS : NULL, node ? 2 : 0, payload, len, reason);
    if (r == PULSE_COMMAND_DONE) {
        say("command done");
    } else {
        say("command refused %s", reason);
    }
}

/* ---- setup */

bool device_init(device *d, const options *o) {
    memset(d, 0, sizeof *d);
    d->o = o;
    d->ring_bytes = malloc(o->ring_bytes);
    d->payload = malloc(o->batch_bytes + 1);
    if (d->ring_bytes == NULL || d->payload == NULL) {
        return false;
    }
    pulse_ring_open(&d->ring, pulse_storage_memory(d->ring_bytes, o->ring_bytes), &d->ring_state);
    d->rng = host_random();
    pulse_clock_init(&d->clock, d->rng.next(d->rng.ctx)); /* a new boot id per start */

    bool gate = o->kind == KIND_GATE_SCANNER;
    const char *id = gate ? o->scanner : o->device_id;
    pulse_uplink_config cfg = {gate ? o->gate : NULL, o->scanner, o->role, id, {o->batch_objects, o->batch_bytes}};
    pulse_mqtt_port port = {mqtt_link_publish, &d->link};
    if (!pulse_uplink_init(&d->uplink, &d->ring, &d->clock, port, &cfg, d->payload, o->batch_bytes + 1)
        || !pulse_command_topic(d->command_topic, sizeof d->command_topic, id)) {
        return false;
    }
    if (gate) {
        if (o->hmac_key != NULL) {
            pulse_hmac_soft_init(&d->hmac_state, (const uint8_t *)o->hmac_key, strlen(o->hmac_key));
            d->hmac = pulse_hmac_soft_port(&d->hmac_state);
        }
        pulse_gate_config gc = {o->hmac_key != NULL ? &d->hmac : NULL, (int8_t)o->min_rssi, o->debounce_ms, false, NULL, 0};
        pulse_gate_init(&d->gate, &gc, &d->ring, &d->clock, d->slots, DEVICE_DEBOUNCE_SLOTS);
    } else {
        pulse_node_config nc = {o->privacy, o->privacy_count, &d->rng};
        if (!pulse_node_init(&d->node, &nc, &d->ring, &d->clock)) {
            return false;
        }
    }
    char client_id[96];
    snprintf(client_id, sizeof client_id, "pulse-%s", id);
    mqtt_events events = {on_connected, on_disconnected, on_acked, on_message, d};
    return mqtt_link_init(&d->link, o, client_id, d->command_topic, events);
}

void device_sync_clock(device *d, int64_t wall_ms, int64_t mono_ms) {
    char iso[PULSE_ISO_TIME_LEN + 1];
    if (pulse_clock_sync(&d->clock, wall_ms, mono_ms) && pulse_iso_time(wall_ms, iso)) {
        say("clock set %s", iso);
    } else {
        say("clock refused %lld", (long long)wall_ms);
    }
}

/* ---- the gate scanner */

void device_frame(device *d, int64_t mono_ms, int rssi, const uint8_t *frame, size_t len) {
    static const char *OUTCOMES[] = {"queued", "not-station", "weak", "debounced", "failed"};
    if (d->o->kind != KIND_GATE_SCANNER) {
        say("error frames are for gate scanners");
        return;
    }
    pulse_frame_outcome r = pulse_gate_frame(&d->gate, frame, len, (int8_t)rssi, mono_ms);
    say("frame %s", OUTCOMES[r]);
}

void device_report(device *d, int64_t mono_ms) {
    if (d->o->kind != KIND_GATE_SCANNER || pulse_gate_report(&d->gate, d->uplink.stats.untimed, mono_ms) < 0) {
        say("error no report");
        return;
    }
    say("reported");
}

/* ---- the sensor node */

bool device_set_sensor(device *d, const char *metric, double value, bool is_bool) {
    pulse_reading *s = &d->sensors;
    for (unsigned i = 0; i < s->count; i++) {
        if (strcmp(s->metrics[i].name, metric) == 0) {
            s->metrics[i].value = value;
            s->metrics[i].is_bool = is_bool;
            return true;
        }
    }
    return s->count < PULSE_READING_MAX_METRICS - 1 /* room for bufferEvicted */
           && pulse_reading_add(s, metric, value, is_bool);
}

void device_unset_sensor(device *d, const char *metric) {
    pulse_reading *s = &d->sensors;
    for (unsigned i = 0; i < s->count; i++) {
        if (strcmp(s->metrics[i].name, metric) == 0) {
            s->metrics[i] = s->metrics[--s->count];
            return;
        }
    }
}

void device_sample(device *d, int64_t mono_ms) {
    if (d->o->kind != KIND_SENSOR_NODE) {
        say("error samples are for sensor nodes");
        return;
    }
    pulse_reading sent;
    int evicted = pulse_node_record(&d->node, &d->sensors, mono_ms, &sent);
    if (evicted < 0) {
        say("sample none");
        return;
    }
    int64_t wall;
    char iso[PULSE_ISO_TIME_LEN + 1];
    if (pulse_clock_resolve(&d->clock, &sent.at, &wall) == PULSE_TIME_OK && pulse_iso_time(wall, iso)) {
        say("sampled %s evicted=%d", iso, evicted);
    } else {
        say("sampled untimed mono=%lld evicted=%d", (long long)mono_ms, evicted);
    }
}

/* ---- both */

void device_status(const device *d) {
    const pulse_uplink_stats *u = &d->uplink.stats;
    say("status connected=%d buffered=%u evicted=%u published=%u messages=%u untimed=%u clock=%s",
        d->uplink.connected, pulse_ring_count(&d->ring), pulse_ring_evicted(&d->ring), u->records, u->messages,
        u->untimed, d->clock.set ? "set" : "unset");
}

void device_service(device *d, int64_t now_ms, int timeout_ms) {
    mqtt_link_service(&d->link, now_ms, timeout_ms);
    uint32_t sent = pulse_uplink_poll(&d->uplink);
    if (sent > 0) {
        say("published id=%d records=%u", d->uplink.inflight_id, sent);
    }
    if (d->await_drained && pulse_uplink_idle(&d->uplink)) {
        d->await_drained = false;
        say("drained");
    }
}

void device_close(device *d) {
    mqtt_link_close(&d->link);
    free(d->ring_bytes);
    free(d->payload);
}

/* The virtual ESP32: the same core an ESP32 runs (gate scanner or sensor node, offline buffer,
 * uplink, commands), wired to the host's clock, RNG and libmosquitto instead of ESP-IDF. It
 * prints what happens, one line per event, for the tests that drive it. */
#ifndef PULSE_HOST_DEVICE_H
#define PULSE_HOST_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mqtt_link.h"
#include "options.h"
#include "pulse/clock.h"
#include "pulse/gate_scanner.h"
#include "pulse/hmac_soft.h"
#include "pulse/ring.h"
#include "pulse/sensor_node.h"
#include "pulse/uplink.h"

#define DEVICE_DEBOUNCE_SLOTS 512

typedef struct {
    const options *o;
    uint8_t *ring_bytes;
    pulse_ring_state ring_state;
    pulse_ring ring;
    pulse_clock clock;
    pulse_hmac_soft hmac_state;
    pulse_hmac_port hmac;
    pulse_debounce_slot slots[DEVICE_DEBOUNCE_SLOTS];
    pulse_gate_scanner gate;
    pulse_random rng;
    pulse_sensor_node node;
    pulse_reading sensors; /* what the "sensors" read now; the script sets them */
    pulse_uplink uplink;
    char *payload;
    mqtt_link link;
    char command_topic[PULSE_TOPIC_MAX + 16];
    bool await_drained;
    bool quit;
} device;

/* One line on stdout, flushed at once: the tests read them as they come. */
void say(const char *format, ...) __attribute__((format(printf, 1, 2)));

bool device_init(device *d, const options *o);
void device_sync_clock(device *d, int64_t wall_ms, int64_t mono_ms);
void device_frame(device *d, int64_t mono_ms, int rssi, const uint8_t *frame, size_t len);
bool device_set_sensor(device *d, const char *metric, double value, bool is_bool);
void device_unset_sensor(device *d, const char *metric);
void device_sample(device *d, int64_t mono_ms);
void device_report(device *d, int64_t mono_ms);
void device_status(const device *d);
/* Runs the network and the uplink once; waits at most timeout_ms. */
void device_service(device *d, int64_t now_ms, int timeout_ms);
void device_close(device *d);

#endif

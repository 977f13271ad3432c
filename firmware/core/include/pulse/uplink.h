/* Sends the offline buffer over MQTT, oldest first, one QoS 1 message in flight: records leave
 * the buffer only when the broker has acknowledged them (PUBACK), so a Wi-Fi or broker outage
 * loses nothing and order is kept. After a reconnect the unacknowledged message is sent again:
 * at least once, and the jobs remove repeats by identity (device and ts). */
#ifndef PULSE_UPLINK_H
#define PULSE_UPLINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pulse/batch.h"
#include "pulse/clock.h"
#include "pulse/limits.h"
#include "pulse/ring.h"

typedef struct {
    /* Publishes at QoS 1, not retained. Returns the message id (> 0) whose PUBACK will be
     * reported to pulse_uplink_acked, or < 0 when it could not be queued. */
    int (*publish)(void *ctx, const char *topic, const char *payload, size_t len);
    void *ctx;
} pulse_mqtt_port;

#define PULSE_TOPIC_MAX (sizeof("campus/gates//sightings") + PULSE_ID_MAX)

typedef struct {
    uint32_t messages;       /* acknowledged messages */
    uint32_t records;        /* acknowledged records */
    uint32_t untimed;        /* dropped: from an earlier boot (never dated) or unreadable */
    uint32_t unsendable;     /* dropped: larger than a message may be, or no topic for it */
    uint32_t publish_errors; /* publish calls the client refused */
} pulse_uplink_stats;

typedef struct {
    pulse_ring *ring;
    const pulse_clock *clock;
    pulse_mqtt_port mqtt;
    pulse_batch_identity who;
    pulse_batch_limits limits;
    char sightings_topic[PULSE_TOPIC_MAX];
    char telemetry_topic[PULSE_TOPIC_MAX];
    char *buf;
    size_t cap;
    bool connected;
    int inflight_id;           /* 0: nothing in flight */
    uint32_t inflight_records;
    uint32_t evicted_at_send;
    pulse_uplink_stats stats;
} pulse_uplink;

typedef struct {
    const char *gate;      /* for sightings: campus/gates/{gate}/sightings (NULL: none) */
    const char *scanner;
    const char *role;
    const char *device_id; /* for readings: devices/{deviceId}/telemetry (NULL: none) */
    pulse_batch_limits limits;
} pulse_uplink_config;

/* False when an id is not valid under the contract. */
bool pulse_uplink_init(pulse_uplink *u, pulse_ring *ring, const pulse_clock *clock,
                       pulse_mqtt_port mqtt, const pulse_uplink_config *config, char *buf,
                       size_t cap);

void pulse_uplink_connected(pulse_uplink *u);
/* The connection is gone: whatever was in flight goes again after the reconnect. */
void pulse_uplink_disconnected(pulse_uplink *u);
void pulse_uplink_acked(pulse_uplink *u, int message_id);

/* Sends the next message if connected and nothing is in flight. Returns the records sent. */
uint32_t pulse_uplink_poll(pulse_uplink *u);

/* Nothing buffered and nothing in flight. */
bool pulse_uplink_idle(const pulse_uplink *u);

#endif

/* The virtual device's MQTT connection (libmosquitto), as esp-mqtt is on the ESP32: QoS 1,
 * optional TLS and credentials, reconnect with exponential backoff, and events for the uplink.
 *
 * A fresh client is created for every connection attempt: libmosquitto would otherwise resend
 * its own copy of an unacknowledged message after a reconnect, next to the uplink's. The uplink's
 * buffer is the only place a reading waits. */
#ifndef PULSE_HOST_MQTT_LINK_H
#define PULSE_HOST_MQTT_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "options.h"

typedef struct {
    void (*connected)(void *ctx);
    void (*disconnected)(void *ctx, const char *why);
    void (*acked)(void *ctx, int message_id);
    void (*message)(void *ctx, const char *topic, const char *payload, size_t len);
    void *ctx;
} mqtt_events;

typedef struct {
    const options *o;
    char client_id[96];
    char subscription[128];
    struct mosquitto *mosq;
    bool session_up;   /* CONNACK accepted */
    bool lost;         /* set in a callback, handled after the loop */
    char lost_why[96];
    int64_t next_attempt_ms;
    int64_t backoff_ms;
    mqtt_events events;
} mqtt_link;

bool mqtt_link_init(mqtt_link *l, const options *o, const char *client_id, const char *subscription,
                    mqtt_events events);

/* Connects, reconnects and runs the network loop for at most timeout_ms. */
void mqtt_link_service(mqtt_link *l, int64_t now_ms, int timeout_ms);

/* Whether a client exists to wait on (else the caller sleeps instead). */
bool mqtt_link_active(const mqtt_link *l);

/* pulse_mqtt_port.publish: QoS 1; the message id, or -1 when not connected. */
int mqtt_link_publish(void *ctx, const char *topic, const char *payload, size_t len);

void mqtt_link_close(mqtt_link *l);

#endif

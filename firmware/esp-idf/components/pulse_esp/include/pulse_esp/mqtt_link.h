/* esp-mqtt as the core's MQTT port: QoS 1, TLS with the broker's CA, credentials, and the
 * device's command topic subscribed at every connect. Events go to the application's inbox.
 *
 * esp-mqtt keeps an outbox of its own and resends an unacknowledged QoS 1 message after a
 * reconnect, as the core's uplink does: a message can arrive twice. The jobs drop repeats by
 * identity (device and ts; a repeated sighting is within the debounce window of itself). */
#ifndef PULSE_ESP_MQTT_LINK_H
#define PULSE_ESP_MQTT_LINK_H

#include <stdbool.h>
#include <stddef.h>

#include "pulse/uplink.h"

typedef struct {
    const char *uri;       /* mqtts://host:8883 (or mqtt:// on a trusted network) */
    const char *client_id;
    const char *username;
    const char *password;
    const char *ca_pem;    /* the broker's CA certificate; NULL: no verification (tests only) */
    const char *command_topic;
    size_t buffer_size;    /* at least the largest batch the uplink builds */
} pulse_mqtt_settings;

bool pulse_mqtt_start(const pulse_mqtt_settings *settings);
pulse_mqtt_port pulse_mqtt_port_get(void);

#endif

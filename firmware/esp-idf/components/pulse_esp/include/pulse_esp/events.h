/* The application task's inbox. Wi-Fi, SNTP and esp-mqtt call back on their own tasks; they only
 * post here, and the application task runs the core (which is not thread-safe) alone. */
#ifndef PULSE_ESP_EVENTS_H
#define PULSE_ESP_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PULSE_FRAME_BYTES 24 /* an 802.11 header: all the scanner reads */
#define PULSE_COMMAND_MAX 1024 /* the telemetry job's limit for a command payload */

typedef enum {
    PULSE_EV_FRAME,      /* a frame from the radio */
    PULSE_EV_WIFI_UP,    /* associated with an IP address */
    PULSE_EV_WIFI_DOWN,
    PULSE_EV_MQTT_UP,
    PULSE_EV_MQTT_DOWN,
    PULSE_EV_MQTT_ACKED, /* a QoS 1 PUBACK */
    PULSE_EV_CLOCK,      /* SNTP set the clock */
    PULSE_EV_COMMAND     /* a message on devices/{id}/commands: take it with pulse_command_take */
} pulse_event_type;

typedef struct {
    pulse_event_type type;
    union {
        struct {
            uint8_t bytes[PULSE_FRAME_BYTES];
            uint16_t len;
            int8_t rssi;
            int64_t mono_ms;
        } frame;
        int message_id;
        uint8_t channel; /* WIFI_UP: the access point's channel */
        struct {
            int64_t wall_ms;
            int64_t mono_ms;
        } clock;
    } u;
} pulse_event;

bool pulse_events_init(unsigned depth);
/* From any task; never blocks. False (and counted) when the inbox is full. */
bool pulse_event_post(const pulse_event *e);
bool pulse_event_wait(pulse_event *e, uint32_t timeout_ms);
uint32_t pulse_events_dropped(void);

/* Commands carry a payload too large for every event: they wait in a mailbox of their own. */
bool pulse_command_post(const char *payload, size_t len);
bool pulse_command_take(char *buf, size_t cap, size_t *len);

/* Milliseconds since boot (esp_timer): the monotonic clock of the core. */
int64_t pulse_mono_ms(void);

#endif

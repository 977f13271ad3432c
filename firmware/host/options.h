/* The virtual device's command line: what an ESP32 gets from its config header or NVS. */
#ifndef PULSE_HOST_OPTIONS_H
#define PULSE_HOST_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "pulse/dp_noise.h"

#define OPTIONS_MAX_PRIVACY 8

typedef enum { KIND_GATE_SCANNER, KIND_SENSOR_NODE } device_kind;
typedef enum { CLOCK_SYSTEM, CLOCK_SCRIPT } clock_source;

typedef struct {
    device_kind kind;
    const char *host;
    int port;
    const char *username;
    const char *password;      /* from PULSE_MQTT_PASSWORD, never the command line */
    const char *cafile;        /* TLS when set */
    int keepalive_s;
    int64_t reconnect_min_ms;
    int64_t reconnect_max_ms;
    /* gate scanner */
    const char *gate;
    const char *scanner;
    const char *role;
    const char *hmac_key;      /* from PULSE_HMAC_KEY; NULL: raw MACs */
    int min_rssi;
    int64_t debounce_ms;
    /* sensor node */
    const char *device_id;
    int64_t interval_ms;       /* sampling period; 0: only on "sample" */
    pulse_dp_metric privacy[OPTIONS_MAX_PRIVACY];
    unsigned privacy_count;
    /* both */
    clock_source clock;
    int64_t sntp_delay_ms;     /* CLOCK_SYSTEM: the clock is set this long after the start */
    uint32_t ring_bytes;
    uint32_t batch_objects;
    uint32_t batch_bytes;
} options;

/* Fills o from argv and the environment; prints the problem and returns false when invalid. */
bool options_parse(options *o, int argc, char **argv);

#endif

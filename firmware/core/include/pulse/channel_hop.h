/* Channel hopping for a gate scanner that cannot stay on one channel: an ESP32 has one radio, and
 * while it is joined to the campus network it must stay on the access point's channel. So a
 * hopping scanner alternates: a sniffing window, offline, hopping over the channels (sightings go
 * to the offline buffer), then an uplink window, online on the access point's channel, that ends
 * when the buffer is drained or its time is up. A locked scanner never needs this. */
#ifndef PULSE_CHANNEL_HOP_H
#define PULSE_CHANNEL_HOP_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    const uint8_t *channels;
    uint8_t count;
    uint32_t dwell_ms;      /* on each channel */
    uint32_t sniff_ms;      /* the sniffing window */
    uint32_t uplink_max_ms; /* the longest uplink window */
} pulse_hop_plan;

typedef struct {
    bool online;     /* joined to the network (uplink window) */
    uint8_t channel; /* the channel to listen on; 0 while online (the access point's) */
} pulse_radio;

typedef struct {
    pulse_hop_plan plan;
    bool uplink;
    int64_t window_start_ms;
} pulse_hopper;

void pulse_hopper_init(pulse_hopper *h, const pulse_hop_plan *plan, int64_t now_ms);

/* What the radio should do now. `drained`: connected to the broker with nothing buffered. */
pulse_radio pulse_hopper_step(pulse_hopper *h, int64_t now_ms, bool drained);

#endif

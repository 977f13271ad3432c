/* The gate scanner's logic, from a frame caught in promiscuous mode to a buffered sighting:
 * who sent it, near enough (RSSI), randomized or not, pseudonymized on the device, debounced. */
#ifndef PULSE_GATE_SCANNER_H
#define PULSE_GATE_SCANNER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pulse/clock.h"
#include "pulse/debounce.h"
#include "pulse/hmac_port.h"
#include "pulse/mac.h"
#include "pulse/record.h"
#include "pulse/ring.h"
#include "pulse/wifi_frame.h"

typedef struct {
    /* The pseudonym key's HMAC. NULL sends raw MACs (normalized), which the contract allows but
     * which puts personal data on the network: for trusted setups and comparisons only. */
    const pulse_hmac_port *hmac;
    int8_t min_rssi;           /* frames weaker than this are not at the gate */
    int64_t debounce_ms;       /* at most the movement job's 60 s, see debounce.h */
    /* A locally administered address in a data frame to one of these access points belongs to
     * a phone joined to the campus network: a per-network address that stays stable. When set,
     * such sightings are sent as randomized: false (see README, "What a scanner can see"). */
    bool associated_is_stable;
    const pulse_mac *campus_bssids;
    size_t campus_bssid_count;
} pulse_gate_config;

typedef enum {
    PULSE_FRAME_QUEUED,
    PULSE_FRAME_NOT_STATION, /* sent by an access point, or not a frame we read */
    PULSE_FRAME_WEAK,
    PULSE_FRAME_DEBOUNCED,
    PULSE_FRAME_FAILED       /* hashing or buffering failed */
} pulse_frame_outcome;

typedef struct {
    uint32_t frames;
    uint32_t not_station;
    uint32_t weak;
    uint32_t debounced;
    uint32_t queued;
    uint32_t failed;
} pulse_gate_stats;

typedef struct {
    pulse_gate_config cfg;
    pulse_debounce debounce;
    pulse_ring *ring;
    const pulse_clock *clock;
    pulse_gate_stats stats;
} pulse_gate_scanner;

void pulse_gate_init(pulse_gate_scanner *g, const pulse_gate_config *cfg, pulse_ring *ring,
                     const pulse_clock *clock, pulse_debounce_slot *slots, size_t slot_count);

/* A frame from the radio: its bytes from the frame control field, RSSI, and when it came in. */
pulse_frame_outcome pulse_gate_frame(pulse_gate_scanner *g, const uint8_t *frame, size_t len,
                                     int8_t rssi, int64_t mono_ms);

/* The randomized flag the scanner sends for a station seen in a frame. */
bool pulse_gate_randomized(const pulse_gate_config *cfg, const pulse_frame_sender *sender);

/* The scanner's own health as telemetry metrics (bufferEvicted, buffered, debounced, ...). */
void pulse_gate_status(const pulse_gate_scanner *g, uint32_t untimed_dropped, pulse_reading *out);

/* Buffers that status as a reading for devices/{scanner}/telemetry, taken at mono_ms. Returns
 * the records evicted to make room, or -1. */
int pulse_gate_report(pulse_gate_scanner *g, uint32_t untimed_dropped, int64_t mono_ms);

#endif

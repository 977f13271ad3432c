/* The sensor node's logic, from measured values to a buffered reading: sensor faults (values
 * outside the contract's ranges, NaN from a failed read) left out and counted, the privacy noise
 * applied per metric, the buffer's evictions reported as the metric bufferEvicted. */
#ifndef PULSE_SENSOR_NODE_H
#define PULSE_SENSOR_NODE_H

#include <stdbool.h>
#include <stdint.h>

#include "pulse/clock.h"
#include "pulse/dp_noise.h"
#include "pulse/record.h"
#include "pulse/ring.h"

typedef struct {
    const pulse_dp_metric *privacy; /* per metric; metrics not listed get no noise */
    unsigned privacy_count;
    const pulse_random *rng;        /* needed only when some setting is on */
} pulse_node_config;

typedef struct {
    uint32_t readings;
    uint32_t faults; /* metric values left out: NaN or outside the contract's range */
} pulse_node_stats;

typedef struct {
    pulse_node_config cfg;
    pulse_ring *ring;
    const pulse_clock *clock;
    pulse_node_stats stats;
} pulse_sensor_node;

/* False when a privacy setting is on but there is no random source. */
bool pulse_node_init(pulse_sensor_node *n, const pulse_node_config *cfg, pulse_ring *ring,
                     const pulse_clock *clock);

/* Buffers one reading taken at mono_ms. Returns the records evicted to make room (>= 0), or -1
 * when nothing valid was measured or buffering failed. `sent` (optional) receives what goes
 * out: noise applied, faults removed, bufferEvicted added. */
int pulse_node_record(pulse_sensor_node *n, const pulse_reading *measured, int64_t mono_ms,
                      pulse_reading *sent);

#endif

/* One MQTT message from the oldest buffered records: a JSON object for one record, an array for
 * more, all of one kind (one topic), within the contract's limits and the MQTT buffer. */
#ifndef PULSE_BATCH_H
#define PULSE_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pulse/clock.h"
#include "pulse/ring.h"

typedef struct {
    uint32_t max_objects; /* at most 1,000 (contract) */
    size_t max_bytes;     /* at most 64 KiB (contract) and the MQTT buffer */
} pulse_batch_limits;

/* Who the device is in each kind of message; NULL where it sends no such kind. */
typedef struct {
    const char *scanner;   /* sightings */
    const char *role;
    const char *device_id; /* readings */
} pulse_batch_identity;

typedef enum {
    PULSE_BATCH_READY,      /* payload holds `records` records */
    PULSE_BATCH_EMPTY,      /* nothing buffered */
    PULSE_BATCH_WAIT_CLOCK, /* the oldest record waits for the clock */
    PULSE_BATCH_DEAD_HEAD,  /* the oldest record can never be dated or read: drop it */
    PULSE_BATCH_UNSENDABLE  /* the oldest record alone exceeds the limits, or is of a kind this
                               device has no identity (topic) for: drop it */
} pulse_batch_status;

typedef struct {
    pulse_batch_status status;
    int kind;          /* pulse_record_kind of the batch */
    uint32_t records;  /* records in the payload, the oldest ones */
    size_t len;        /* payload bytes (NUL-terminated in buf) */
} pulse_batch;

pulse_batch pulse_batch_build(const pulse_ring *ring, const pulse_clock *clock,
                              const pulse_batch_identity *who, pulse_batch_limits limits,
                              char *buf, size_t cap);

#endif

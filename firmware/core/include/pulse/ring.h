/* The offline buffer: a bounded ring of variable-length records, oldest first. When it is full
 * the oldest records are evicted, and counted: the count is reported in the device's telemetry
 * (bufferEvicted), so a loss is visible, never silent.
 *
 * The state lives apart from the bytes so that both can sit in RTC RAM; it carries a check
 * value, and a state that fails it (power-on garbage) starts an empty ring. */
#ifndef PULSE_RING_H
#define PULSE_RING_H

#include <stdbool.h>
#include <stdint.h>

#include "pulse/storage_port.h"

typedef struct {
    uint32_t magic;
    uint32_t size;
    uint32_t head;     /* where the next record goes */
    uint32_t tail;     /* the oldest record */
    uint32_t used;     /* bytes in use, headers included */
    uint32_t count;    /* records */
    uint32_t evicted;  /* records evicted since the ring was created */
    uint32_t check;
} pulse_ring_state;

typedef struct {
    pulse_storage storage;
    pulse_ring_state *state;
} pulse_ring;

typedef struct {
    uint32_t offset;
    uint32_t remaining;
} pulse_ring_cursor;

/* The largest record: its 2-byte length header must fit. */
#define PULSE_RING_RECORD_MAX 0xFFFFu

/* Opens the ring; keeps a valid earlier state (true) or starts empty (false). */
bool pulse_ring_open(pulse_ring *r, pulse_storage storage, pulse_ring_state *state);

/* Appends a record, evicting the oldest ones if needed. Returns the number evicted (>= 0), or
 * -1 when the record can never fit or the storage failed. */
int pulse_ring_push(pulse_ring *r, const void *record, uint32_t len);

/* Reading from the oldest record on, without removing anything. */
pulse_ring_cursor pulse_ring_oldest(const pulse_ring *r);
/* Copies the record at the cursor and advances. Returns its length, -1 at the end, -2 when cap
 * is too small or the storage failed. */
int pulse_ring_next(const pulse_ring *r, pulse_ring_cursor *c, void *dst, uint32_t cap);

/* Removes the n oldest records (fewer if there are fewer). */
void pulse_ring_drop(pulse_ring *r, uint32_t n);

uint32_t pulse_ring_count(const pulse_ring *r);
uint32_t pulse_ring_used(const pulse_ring *r);
uint32_t pulse_ring_evicted(const pulse_ring *r);

#endif

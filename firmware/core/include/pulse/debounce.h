/* Per-MAC debounce before sending, with the movement job's own rule (contract 4.2): a sighting
 * within the window of the previous sighting of the same MAC (kept or dropped) is dropped.
 *
 * Sending only what survives gives the job exactly the result it would compute from every
 * sighting, as long as the window is at most the job's (60 s) and no entry is forgotten while it
 * could still drop a sighting. So a full table never evicts a live entry: a MAC it cannot track
 * is sent every time (the job debounces it), which costs bytes, never correctness. */
#ifndef PULSE_DEBOUNCE_H
#define PULSE_DEBOUNCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t key;
    int64_t last_ms;
    bool used;
} pulse_debounce_slot;

typedef struct {
    pulse_debounce_slot *slots;
    size_t capacity;
    int64_t window_ms;
    uint32_t untracked; /* sightings sent because the table was full of live entries */
} pulse_debounce;

void pulse_debounce_init(pulse_debounce *d, pulse_debounce_slot *slots, size_t capacity,
                         int64_t window_ms);

/* True when the sighting of key at t_ms (monotonic, non-decreasing per key) is to be sent. */
bool pulse_debounce_admit(pulse_debounce *d, uint64_t key, int64_t t_ms);

#endif

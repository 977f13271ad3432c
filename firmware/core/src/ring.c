#include "pulse/ring.h"

#include <stddef.h>
#include <string.h>

#define RING_MAGIC 0x50524e47u /* "PRNG" */
#define HEADER 2u              /* a record's length, little-endian */

static uint32_t check_of(const pulse_ring_state *s) {
    /* FNV-1a over the fields before `check`: garbage in RTC RAM will not match it. */
    const uint8_t *p = (const uint8_t *)s;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < offsetof(pulse_ring_state, check); i++) {
        h = (h ^ p[i]) * 16777619u;
    }
    return h;
}

static void seal(pulse_ring *r) {
    r->state->check = check_of(r->state);
}

static bool consistent(const pulse_ring_state *s, uint32_t size) {
    return s->magic == RING_MAGIC && s->size == size && s->head < size && s->tail < size
           && s->used <= size && (s->tail + s->used) % size == s->head
           && (s->count == 0) == (s->used == 0) && s->check == check_of(s);
}

/* An empty ring; `evicted` carries over what was lost before. */
static void reset(pulse_ring *r, uint32_t evicted) {
    memset(r->state, 0, sizeof *r->state);
    r->state->magic = RING_MAGIC;
    r->state->size = r->storage.size;
    r->state->evicted = evicted;
    seal(r);
}

bool pulse_ring_open(pulse_ring *r, pulse_storage storage, pulse_ring_state *state) {
    r->storage = storage;
    r->state = state;
    if (storage.size > HEADER && consistent(state, storage.size)) {
        return true;
    }
    reset(r, 0);
    return false;
}

/* Byte ranges that run past the end continue at the start. */
static int io(const pulse_ring *r, uint32_t offset, uint8_t *bytes, uint32_t len, bool writing) {
    uint32_t size = r->storage.size;
    while (len > 0) {
        uint32_t chunk = size - offset < len ? size - offset : len;
        int rc = writing ? r->storage.write(r->storage.ctx, offset, bytes, chunk)
                         : r->storage.read(r->storage.ctx, offset, bytes, chunk);
        if (rc != 0) {
            return rc;
        }
        bytes += chunk;
        len -= chunk;
        offset = (offset + chunk) % size;
    }
    return 0;
}

static int read_length(const pulse_ring *r, uint32_t offset, uint32_t *len) {
    uint8_t h[HEADER];
    int rc = io(r, offset, h, HEADER, false);
    *len = (uint32_t)h[0] | (uint32_t)h[1] << 8;
    return rc;
}

/* Removes the oldest record and returns 0. A length that cannot be right means the bytes were
 * damaged (a reset in the middle of a write to RTC RAM): then everything left is lost, counted
 * as evicted, and the number is returned. */
static uint32_t drop_one(pulse_ring *r) {
    pulse_ring_state *s = r->state;
    uint32_t len;
    if (read_length(r, s->tail, &len) != 0 || HEADER + len > s->used) {
        uint32_t lost = s->count;
        reset(r, s->evicted + lost);
        return lost;
    }
    s->tail = (s->tail + HEADER + len) % s->size;
    s->used -= HEADER + len;
    s->count--;
    if (s->count == 0) {
        s->used = 0;
        s->head = s->tail;
    }
    return 0;
}

int pulse_ring_push(pulse_ring *r, const void *record, uint32_t len) {
    pulse_ring_state *s = r->state;
    if (len > PULSE_RING_RECORD_MAX || HEADER + len > s->size) {
        return -1;
    }
    int evicted = 0;
    while (s->size - s->used < HEADER + len) {
        uint32_t lost = drop_one(r);
        if (lost == 0) {
            s->evicted++;
            evicted++;
        } else {
            evicted += (int)lost;
        }
    }
    uint8_t h[HEADER] = {(uint8_t)len, (uint8_t)(len >> 8)};
    if (io(r, s->head, h, HEADER, true) != 0
        || io(r, (s->head + HEADER) % s->size, (uint8_t *)record, len, true) != 0) {
        seal(r);
        return -1;
    }
    /* the state changes only after the bytes are written: a reset in between loses this record,
       never the ring */
    s->head = (s->head + HEADER + len) % s->size;
    s->used += HEADER + len;
    s->count++;
    seal(r);
    return evicted;
}

pulse_ring_cursor pulse_ring_oldest(const pulse_ring *r) {
    pulse_ring_cursor c = {r->state->tail, r->state->count};
    return c;
}

int pulse_ring_next(const pulse_ring *r, pulse_ring_cursor *c, void *dst, uint32_t cap) {
    if (c->remaining == 0) {
        return -1;
    }
    uint32_t len;
    if (read_length(r, c->offset, &len) != 0 || len > cap || HEADER + len > r->state->used) {
        return -2;
    }
    if (io(r, (c->offset + HEADER) % r->state->size, dst, len, false) != 0) {
        return -2;
    }
    c->offset = (c->offset + HEADER + len) % r->state->size;
    c->remaining--;
    return (int)len;
}

void pulse_ring_drop(pulse_ring *r, uint32_t n) {
    while (n-- > 0 && r->state->count > 0) {
        if (drop_one(r) > 0) {
            break; /* damaged: the ring is empty now */
        }
    }
    seal(r);
}

uint32_t pulse_ring_count(const pulse_ring *r) {
    return r->state->count;
}

uint32_t pulse_ring_used(const pulse_ring *r) {
    return r->state->used;
}

uint32_t pulse_ring_evicted(const pulse_ring *r) {
    return r->state->evicted;
}

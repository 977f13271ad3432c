#include "pulse/batch.h"

#include <string.h>

#include "pulse/encode.h"
#include "pulse/json_writer.h"
#include "pulse/limits.h"
#include "pulse/record.h"

/* The largest JSON object one record becomes (a reading with every metric), with room to spare. */
#define OBJECT_MAX 1280

static bool has_identity(int kind, const pulse_batch_identity *who) {
    return kind == PULSE_RECORD_SIGHTING ? who->scanner != NULL && who->role != NULL : who->device_id != NULL;
}

/* Encodes one record as a JSON object into obj; returns its length, 0 when it is unreadable. */
static size_t encode_record(int kind, const uint8_t *rec, size_t len, int64_t wall_ms,
                            const pulse_batch_identity *who, char *obj, size_t cap) {
    pulse_json j;
    pulse_json_init(&j, obj, cap);
    if (kind == PULSE_RECORD_SIGHTING) {
        pulse_sighting s;
        if (!pulse_record_get_sighting(rec, len, &s) || !pulse_encode_sighting(&j, who->scanner, who->role, &s, wall_ms)) {
            return 0;
        }
    } else {
        pulse_reading r;
        if (!pulse_record_get_reading(rec, len, &r) || !pulse_encode_reading(&j, who->device_id, &r, wall_ms)) {
            return 0;
        }
    }
    return pulse_json_ok(&j) ? j.len : 0;
}

pulse_batch pulse_batch_build(const pulse_ring *ring, const pulse_clock *clock,
                              const pulse_batch_identity *who, pulse_batch_limits limits,
                              char *buf, size_t cap) {
    pulse_batch b = {PULSE_BATCH_EMPTY, 0, 0, 0};
    size_t max_bytes = limits.max_bytes < PULSE_CONTRACT_MAX_MESSAGE_BYTES
                           ? limits.max_bytes : PULSE_CONTRACT_MAX_MESSAGE_BYTES;
    if (cap < max_bytes + 1) {
        max_bytes = cap > 0 ? cap - 1 : 0; /* +1: the NUL */
    }
    uint32_t max_objects = limits.max_objects < PULSE_CONTRACT_MAX_BATCH_OBJECTS
                               ? limits.max_objects : PULSE_CONTRACT_MAX_BATCH_OBJECTS;
    if (max_objects == 0) {
        max_objects = 1;
    }
    uint8_t rec[PULSE_RECORD_MAX];
    char obj[OBJECT_MAX];
    size_t pos = 1; /* after '[' */
    pulse_ring_cursor cursor = pulse_ring_oldest(ring);
    while (b.records < max_objects) {
        int n = pulse_ring_next(ring, &cursor, rec, sizeof rec);
        if (n == -1) {
            break;
        }
        int kind = n >= 0 ? pulse_record_kind_of(rec, (size_t)n) : 0;
        pulse_stamp stamp;
        if (kind == 0 || !pulse_record_stamp(rec, (size_t)n, &stamp)) {
            if (b.records == 0) {
                b.status = PULSE_BATCH_DEAD_HEAD; /* unreadable */
            }
            break;
        }
        if (b.records > 0 && kind != b.kind) {
            break; /* one topic per message */
        }
        if (!has_identity(kind, who)) {
            b.status = PULSE_BATCH_UNSENDABLE; /* only ever the first: kinds do not mix */
            break;
        }
        int64_t wall_ms = 0;
        pulse_time_status time = pulse_clock_resolve(clock, &stamp, &wall_ms);
        if (time != PULSE_TIME_OK) {
            if (b.records == 0) {
                b.status = time == PULSE_TIME_NOT_YET ? PULSE_BATCH_WAIT_CLOCK : PULSE_BATCH_DEAD_HEAD;
            }
            break; /* later records wait too: order is kept */
        }
        size_t len = encode_record(kind, rec, (size_t)n, wall_ms, who, obj, sizeof obj);
        size_t comma = b.records > 0 ? 1 : 0;
        if (len == 0 || pos + comma + len + 1 > max_bytes) { /* +1: the closing ']' */
            if (b.records == 0) {
                b.status = len == 0 ? PULSE_BATCH_DEAD_HEAD : PULSE_BATCH_UNSENDABLE;
            }
            break;
        }
        if (comma) {
            buf[pos++] = ',';
        }
        memcpy(buf + pos, obj, len);
        pos += len;
        b.kind = kind;
        b.records++;
    }
    if (b.records == 0) {
        if (cap > 0) {
            buf[0] = '\0';
        }
        return b;
    }
    if (b.records == 1) {
        memmove(buf, buf + 1, pos - 1); /* one record: the object itself */
        pos -= 1;
    } else {
        buf[0] = '[';
        buf[pos++] = ']';
    }
    buf[pos] = '\0';
    b.len = pos;
    b.status = PULSE_BATCH_READY;
    return b;
}

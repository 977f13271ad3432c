#include "pulse/record.h"

#include <string.h>

#include "pulse/ids.h"

/* [kind][stamp kind][boot id: 4][ms: 8], little-endian, then the kind's fields. */
#define STAMP_END 14
enum { FLAG_HASHED = 1, FLAG_RANDOMIZED = 2, FLAG_RSSI = 4 };
#define MAC_LEN 6

static void put_le(uint8_t *p, uint64_t v, int bytes) {
    for (int i = 0; i < bytes; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

static uint64_t get_le(const uint8_t *p, int bytes) {
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++) {
        v |= (uint64_t)p[i] << (8 * i);
    }
    return v;
}

static void put_stamp(uint8_t *buf, int kind, const pulse_stamp *at) {
    buf[0] = (uint8_t)kind;
    buf[1] = at->kind;
    put_le(buf + 2, at->boot_id, 4);
    put_le(buf + 6, (uint64_t)at->ms, 8);
}

bool pulse_record_stamp(const uint8_t *buf, size_t len, pulse_stamp *out) {
    if (len < STAMP_END) {
        return false;
    }
    out->kind = buf[1];
    out->boot_id = (uint32_t)get_le(buf + 2, 4);
    out->ms = (int64_t)get_le(buf + 6, 8);
    return out->kind == PULSE_STAMP_WALL || out->kind == PULSE_STAMP_MONO;
}

int pulse_record_kind_of(const uint8_t *buf, size_t len) {
    if (len < STAMP_END || (buf[0] != PULSE_RECORD_SIGHTING && buf[0] != PULSE_RECORD_READING)) {
        return 0;
    }
    return buf[0];
}

bool pulse_reading_add(pulse_reading *r, const char *name, double value, bool is_bool) {
    if (r->count >= PULSE_READING_MAX_METRICS || !pulse_metric_name_valid(name)
        || strlen(name) > PULSE_READING_NAME_MAX) {
        return false;
    }
    pulse_metric *m = &r->metrics[r->count++];
    strcpy(m->name, name);
    m->is_bool = is_bool;
    m->value = is_bool ? (value != 0 ? 1 : 0) : value;
    return true;
}

size_t pulse_record_put_sighting(const pulse_sighting *s, uint8_t *buf, size_t cap) {
    size_t id_len = s->hashed ? PULSE_HMAC_SHA256_LEN : MAC_LEN;
    size_t len = STAMP_END + 2 + id_len;
    if (cap < len) {
        return 0;
    }
    put_stamp(buf, PULSE_RECORD_SIGHTING, &s->at);
    buf[STAMP_END] = (uint8_t)((s->hashed ? FLAG_HASHED : 0) | (s->randomized ? FLAG_RANDOMIZED : 0)
                               | (s->has_rssi ? FLAG_RSSI : 0));
    buf[STAMP_END + 1] = (uint8_t)s->rssi;
    memcpy(buf + STAMP_END + 2, s->id, id_len);
    return len;
}

bool pulse_record_get_sighting(const uint8_t *buf, size_t len, pulse_sighting *out) {
    if (pulse_record_kind_of(buf, len) != PULSE_RECORD_SIGHTING || len < STAMP_END + 2
        || !pulse_record_stamp(buf, len, &out->at)) {
        return false;
    }
    uint8_t flags = buf[STAMP_END];
    out->hashed = (flags & FLAG_HASHED) != 0;
    out->randomized = (flags & FLAG_RANDOMIZED) != 0;
    out->has_rssi = (flags & FLAG_RSSI) != 0;
    out->rssi = (int8_t)buf[STAMP_END + 1];
    size_t id_len = out->hashed ? PULSE_HMAC_SHA256_LEN : MAC_LEN;
    if (len != STAMP_END + 2 + id_len) {
        return false;
    }
    memset(out->id, 0, sizeof out->id);
    memcpy(out->id, buf + STAMP_END + 2, id_len);
    return true;
}

size_t pulse_record_put_reading(const pulse_reading *r, uint8_t *buf, size_t cap) {
    if (cap < STAMP_END + 1 || r->count > PULSE_READING_MAX_METRICS) {
        return 0;
    }
    put_stamp(buf, PULSE_RECORD_READING, &r->at);
    buf[STAMP_END] = r->count;
    size_t pos = STAMP_END + 1;
    for (unsigned i = 0; i < r->count; i++) {
        const pulse_metric *m = &r->metrics[i];
        size_t name_len = strlen(m->name);
        if (pos + 1 + name_len + 1 + 8 > cap) {
            return 0;
        }
        buf[pos++] = (uint8_t)name_len;
        memcpy(buf + pos, m->name, name_len);
        pos += name_len;
        buf[pos++] = m->is_bool ? 1 : 0;
        uint64_t bits;
        memcpy(&bits, &m->value, sizeof bits); /* the IEEE 754 bits, stored little-endian */
        put_le(buf + pos, bits, 8);
        pos += 8;
    }
    return pos;
}

bool pulse_record_get_reading(const uint8_t *buf, size_t len, pulse_reading *out) {
    if (pulse_record_kind_of(buf, len) != PULSE_RECORD_READING || len < STAMP_END + 1
        || !pulse_record_stamp(buf, len, &out->at)) {
        return false;
    }
    out->count = buf[STAMP_END];
    if (out->count > PULSE_READING_MAX_METRICS) {
        return false;
    }
    size_t pos = STAMP_END + 1;
    for (unsigned i = 0; i < out->count; i++) {
        pulse_metric *m = &out->metrics[i];
        if (pos >= len) {
            return false;
        }
        size_t name_len = buf[pos++];
        if (name_len == 0 || name_len > PULSE_READING_NAME_MAX || pos + name_len + 1 + 8 > len) {
            return false;
        }
        memcpy(m->name, buf + pos, name_len);
        m->name[name_len] = '\0';
        pos += name_len;
        m->is_bool = buf[pos++] != 0;
        uint64_t bits = get_le(buf + pos, 8);
        memcpy(&m->value, &bits, sizeof bits);
        pos += 8;
    }
    return pos == len;
}

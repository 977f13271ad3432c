/* What the offline buffer holds: compact binary records, turned into the contract's JSON only
 * when they are sent (a record waiting for the clock has no wall time to write yet). */
#ifndef PULSE_RECORD_H
#define PULSE_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pulse/clock.h"
#include "pulse/hmac_port.h"

typedef enum { PULSE_RECORD_SIGHTING = 1, PULSE_RECORD_READING = 2 } pulse_record_kind;

/* A gate sighting: the pseudonym's digest, or (hashing off) the raw MAC. */
typedef struct {
    pulse_stamp at;
    bool hashed;
    uint8_t id[PULSE_HMAC_SHA256_LEN]; /* digest, or the 6 octets of the MAC */
    bool randomized;
    bool has_rssi;
    int8_t rssi;
} pulse_sighting;

/* A device keeps names shorter than the contract's 64 to save RAM. */
#define PULSE_READING_NAME_MAX 31
#define PULSE_READING_MAX_METRICS 16

typedef struct {
    char name[PULSE_READING_NAME_MAX + 1];
    bool is_bool;
    double value; /* 0 or 1 for booleans */
} pulse_metric;

typedef struct {
    pulse_stamp at;
    uint8_t count;
    pulse_metric metrics[PULSE_READING_MAX_METRICS];
} pulse_reading;

/* Adds a metric; false when the reading is full or the name is not a valid metric name. */
bool pulse_reading_add(pulse_reading *r, const char *name, double value, bool is_bool);

/* Encoders return the record's length, 0 when cap is too small. */
size_t pulse_record_put_sighting(const pulse_sighting *s, uint8_t *buf, size_t cap);
size_t pulse_record_put_reading(const pulse_reading *r, uint8_t *buf, size_t cap);

/* The kind of a record, 0 when it is none. */
int pulse_record_kind_of(const uint8_t *buf, size_t len);
/* The stamp of any record. */
bool pulse_record_stamp(const uint8_t *buf, size_t len, pulse_stamp *out);
bool pulse_record_get_sighting(const uint8_t *buf, size_t len, pulse_sighting *out);
bool pulse_record_get_reading(const uint8_t *buf, size_t len, pulse_reading *out);

/* The largest record this firmware writes. */
#define PULSE_RECORD_MAX (14 + 2 + PULSE_READING_MAX_METRICS * (2 + PULSE_READING_NAME_MAX + 8))

#endif

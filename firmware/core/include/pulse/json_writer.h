/* A JSON writer into a caller's buffer: no heap, and an overflow is a failed message, never a
 * truncated one (the jobs would refuse the rest of a batch for one cut-off object). */
#ifndef PULSE_JSON_WRITER_H
#define PULSE_JSON_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The contract refuses nesting deeper than 8. */
#define PULSE_JSON_MAX_DEPTH 8

typedef struct {
    char *buf;
    size_t cap;
    size_t len;
    bool failed;
    uint8_t depth;
    bool has_items[PULSE_JSON_MAX_DEPTH];
    bool after_key;
} pulse_json;

void pulse_json_init(pulse_json *j, char *buf, size_t cap);

void pulse_json_object_begin(pulse_json *j);
void pulse_json_object_end(pulse_json *j);
void pulse_json_array_begin(pulse_json *j);
void pulse_json_array_end(pulse_json *j);
void pulse_json_key(pulse_json *j, const char *key);

void pulse_json_string(pulse_json *j, const char *s);
void pulse_json_int(pulse_json *j, int64_t v);
void pulse_json_bool(pulse_json *j, bool v);
/* A finite number rounded to at most `decimals` (0..6) places, trailing zeros dropped. No
 * printf: float formatting in printf is a link-time option on picolibc and newlib-nano. */
void pulse_json_number(pulse_json *j, double v, unsigned decimals);

/* Complete and within the buffer: len bytes in buf, NUL-terminated. */
bool pulse_json_ok(const pulse_json *j);

#endif

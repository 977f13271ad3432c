/* A reader for flat JSON objects (string, number, boolean and null values), enough for the
 * commands the jobs send to devices. Strict: duplicate keys, nesting and trailing text are
 * errors, so a device never acts on a message it only half understood. */
#ifndef PULSE_JSON_FLAT_H
#define PULSE_JSON_FLAT_H

#include <stdbool.h>
#include <stddef.h>

#define PULSE_JSON_FLAT_KEY_MAX 32
#define PULSE_JSON_FLAT_TEXT_MAX 64

typedef enum {
    PULSE_JSON_STRING,
    PULSE_JSON_NUMBER,
    PULSE_JSON_BOOL,
    PULSE_JSON_NULL
} pulse_json_type;

typedef struct {
    char key[PULSE_JSON_FLAT_KEY_MAX + 1];
    pulse_json_type type;
    char text[PULSE_JSON_FLAT_TEXT_MAX + 1]; /* the string (UTF-8), or the number as written */
    double number;
    bool boolean;
} pulse_json_field;

/* Parses one object of at most max fields. Returns NULL on success, else the reason. */
const char *pulse_json_flat_parse(const char *json, size_t len, pulse_json_field *fields,
                                  size_t max, size_t *count);

/* The field named key, or NULL. */
const pulse_json_field *pulse_json_flat_find(const pulse_json_field *fields, size_t count,
                                             const char *key);

#endif
